package evidence

import "fmt"

// Limits on what a data file holds. A data file travels on USB sticks
// formatted FAT32 (4 GB per file at most) and by e-mail and chat tools, so
// the whole file stays well under 4 GB; one attachment is at most what a
// scanned 文件 or a phone video clip of an inspection needs.
const (
	MaxFileBytes   = 50 << 20 // one file as chosen by the clerk, before reducing photos
	MaxStoredBytes = 2 << 30  // all attachments of a data file, as stored
	MaxPhotoSide   = 2000     // px: the long side of a stored photo
	ThumbSide      = 240      // px: the long side of a thumbnail
)

// TooBig refuses a file of size bytes past MaxFileBytes, naming it (nil
// when it is within the limit). Prepare says it of the bytes it is given;
// the GUI says it from the file's size before reading a file too large.
func TooBig(name string, size int64) error {
	if size <= MaxFileBytes {
		return nil
	}
	return fmt.Errorf("文件「%s」有 %.1f MB，超过单个佐证材料 %d MB 的上限，未添加。请压缩或拆分后再添加。", name, float64(size)/(1<<20), MaxFileBytes>>20)
}
