// Package archive writes the 迎检档案 of a school year as one zip: every
// attachment in a folder 一级指标/二级指标/学校, named 件号-标题.扩展名
// (numbering and names from app/evidence), and at the root the 档案目录
// as a workbook and a PDF that list each file where it lies.
//
// The zip is written through safefile.Write, so an export that fails or is
// killed leaves either the previous file or none under the name — never
// half an archive. Attachments are read one at a time from the Source and
// written straight into the zip: memory does not grow with the archive.
//
// A year without any attachment is refused (EmptyError) rather than
// exported as a zip holding only an empty 目录: a clerk who exports before
// attaching anything is told so, and no file appears that could be sent
// to the inspectors by mistake.
package archive
