package evidence

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
