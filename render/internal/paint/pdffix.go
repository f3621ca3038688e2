package paint

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// The PDF writer stamps each document twice with the time: its creation
// date, and the modification date inside the head table of every font it
// embeds. fixPDF fixes both, so that the same map gives the same bytes.

var (
	pdfStream = regexp.MustCompile(`(\d+) 0 obj\n?<</Filter/FlateDecode/Length (\d+)>>\n?stream\r?\n`)
	pdfObject = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	pdfXref   = regexp.MustCompile(`(?s)\nxref\n0 (\d+)\n.*?trailer\n`)
	pdfStart  = regexp.MustCompile(`\nstartxref\n\d+\n`)
)

// fixFonts sets the modification date of every embedded font to zero,
// recompresses its stream, and rebuilds the cross-reference table.
func fixFonts(b []byte) ([]byte, error) {
	var out bytes.Buffer
	last, changed := 0, false
	for _, m := range pdfStream.FindAllSubmatchIndex(b, -1) {
		n, err := strconv.Atoi(string(b[m[4]:m[5]]))
		if err != nil || m[1]+n > len(b) {
			return nil, errors.New("render: a PDF stream runs past the end")
		}
		body := b[m[1] : m[1]+n]
		font, err := inflate(body)
		if err != nil || !isSFNT(font) {
			continue
		}
		if !zeroModified(font) {
			continue
		}
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(font)
		w.Close()
		out.Write(b[last:m[4]])
		out.WriteString(strconv.Itoa(z.Len()))
		out.Write(b[m[5]:m[1]])
		out.Write(z.Bytes())
		last, changed = m[1]+n, true
	}
	if !changed {
		return b, nil
	}
	out.Write(b[last:])
	return rebuildXref(out.Bytes())
}

func inflate(b []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(r, 64<<20))
}

func isSFNT(b []byte) bool {
	return len(b) > 12 && (bytes.HasPrefix(b, []byte{0, 1, 0, 0}) || bytes.HasPrefix(b, []byte("OTTO")) || bytes.HasPrefix(b, []byte("true")))
}

// zeroModified clears the head table's modification date and puts the
// checksums right. It reports whether the font has a head table.
func zeroModified(f []byte) bool {
	be := binary.BigEndian
	n := int(be.Uint16(f[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(f) {
			return false
		}
		if string(f[rec:rec+4]) != "head" {
			continue
		}
		off, length := int(be.Uint32(f[rec+8:])), int(be.Uint32(f[rec+12:]))
		if off+36 > len(f) || length < 36 || off+length > len(f) {
			return false
		}
		head := f[off : off+length]
		clear(head[28:36])        // modified
		be.PutUint32(head[8:], 0) // checkSumAdjustment, for the sums
		be.PutUint32(f[rec+4:], sum32(f[off:off+(length+3)&^3]))
		be.PutUint32(head[8:], 0xB1B0AFBA-sum32(f))
		return true
	}
	return false
}

// sum32 is the OpenType checksum: the sum of big-endian 32-bit words,
// the last padded with zeros.
func sum32(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// rebuildXref writes the cross-reference table and startxref anew from
// where each object now starts.
func rebuildXref(b []byte) ([]byte, error) {
	x := pdfXref.FindSubmatchIndex(b)
	if x == nil {
		return nil, errors.New("render: the PDF has no cross-reference table")
	}
	count, _ := strconv.Atoi(string(b[x[2]:x[3]]))
	offsets := make([]int, count)
	for _, m := range pdfObject.FindAllSubmatchIndex(b[:x[0]], -1) {
		n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		if n > 0 && n < count {
			offsets[n] = m[0]
		}
	}
	var t bytes.Buffer
	t.Write(b[:x[0]])
	xref := t.Len() + 1
	fmt.Fprintf(&t, "\nxref\n0 %d\n0000000000 65535 f \n", count)
	for _, o := range offsets[1:] {
		fmt.Fprintf(&t, "%010d 00000 n \n", o)
	}
	t.WriteString("trailer\n")
	rest := b[x[1]:]
	s := pdfStart.FindIndex(rest)
	if s == nil {
		return nil, errors.New("render: the PDF has no startxref")
	}
	t.Write(rest[:s[0]])
	fmt.Fprintf(&t, "\nstartxref\n%d\n", xref)
	t.Write(rest[s[1]:])
	return t.Bytes(), nil
}
