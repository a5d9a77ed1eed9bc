package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneWords are Fyne's own words (file dialogs, entry menus) in Chinese.
// They are registered for the English locale too, which is Fyne's fallback,
// so the dialogs read in Chinese on any system language.
const fyneWords = `{
  "(Parent)": "（上一级）", "Advanced": "高级", "Cancel": "取消", "Confirm": "确认",
  "Copy": "复制", "Create Folder": "新建文件夹", "Cut": "剪切", "Enter filename": "输入文件名",
  "Error": "错误", "Favourites": "收藏", "File": "文件", "Folder": "文件夹", "New Folder": "新文件夹",
  "No": "否", "OK": "确定", "Open": "打开", "Paste": "粘贴", "Quit": "退出", "Redo": "重做",
  "Save": "保存", "Select all": "全选", "Show Hidden Files": "显示隐藏文件", "Undo": "撤销", "Yes": "是",
  "file.name": {"other": "名称"}, "file.parent": {"other": "上一级"},
  "monday": "星期一", "tuesday": "星期二", "wednesday": "星期三", "thursday": "星期四",
  "friday": "星期五", "saturday": "星期六", "sunday": "星期日",
  "monday.short": "一", "tuesday.short": "二", "wednesday.short": "三", "thursday.short": "四",
  "friday.short": "五", "saturday.short": "六", "sunday.short": "日"
}`

var translated bool

// chineseEverywhere registers the Chinese words once.
func chineseEverywhere() {
	if translated {
		return
	}
	translated = true
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale([]byte(fyneWords), l); err != nil {
			fyne.LogError("translations", err)
		}
	}
}
