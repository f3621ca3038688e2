//go:build unix

package gvcache

import (
	"io/fs"
	"syscall"
)

func owner(st fs.FileInfo) (int, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(s.Uid), true
}
