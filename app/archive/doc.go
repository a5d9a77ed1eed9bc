// Package archive holds the PDF outputs of the 迎检档案 (the inspection
// archive of 佐证材料): the 档案目录 (index_*.go), the photo pages and the
// attached PDF documents stamped with their 件号, and the 档案盒 labels.
// It lays out pages only; the zip that carries them is data/archive, the
// numbering and names come from app/evidence, and the fonts, line
// breaking and table drawing are the dossier's (app/dossier).
package archive
