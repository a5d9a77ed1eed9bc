// Package evidence is the domain of 佐证材料: files attached to the item
// they prove (a county item, or an item of one school), the checklist of
// what inspectors ask for per item, and the numbering (卷号, 件号) of the
// 迎检档案. It knows nothing of SQL or of the GUI: the data package stores
// attachments inside the data file, the archive package writes them out.
//
// An attachment is identified inside a school year by what it proves and
// its content: item, school and the SHA-256 of the stored bytes. The same
// photo attached to the same item in two offices is therefore one
// attachment after a merge, and identical bytes are stored once however
// many items they prove.
package evidence
