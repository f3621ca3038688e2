package paint

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
)

// writePNG writes img as a PNG: 8-bit RGB when every pixel is opaque, RGBA
// otherwise, each row with the Up filter, compressed at zlib's best speed.
// image/png tries five filters on every row and keeps the best, which for
// a slide takes longer than drawing it; a map's flat fills and straight
// lines repeat from row to row, which Up turns into runs of zeros, so one
// filter gives files about as small. Like image/png, it stores the
// colours of partly transparent pixels divided by their alpha, as PNG
// wants them.
func writePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	opaque := img.Opaque()
	bpp := 4
	if opaque {
		bpp = 3
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8] = 8 // bits a sample
	ihdr[9] = 6 // RGBA
	if opaque {
		ihdr[9] = 2 // RGB
	}
	writeChunk(bw, "IHDR", ihdr[:])
	idat := &chunkWriter{w: bw, name: "IDAT"}
	z, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	prev := make([]byte, 1+width*bpp)
	cur := make([]byte, 1+width*bpp)
	row := make([]byte, 1+width*bpp)
	for y := range height {
		pix := img.Pix[(y)*img.Stride : (y)*img.Stride+width*4]
		if opaque {
			for x, j := 0, 1; x < len(pix); x, j = x+4, j+3 {
				cur[j], cur[j+1], cur[j+2] = pix[x], pix[x+1], pix[x+2]
			}
		} else {
			for x := 0; x < len(pix); x += 4 {
				r, g, bl, a := pix[x], pix[x+1], pix[x+2], pix[x+3]
				if a != 0 && a != 0xff {
					r = uint8(uint32(r) * 0xff / uint32(a))
					g = uint8(uint32(g) * 0xff / uint32(a))
					bl = uint8(uint32(bl) * 0xff / uint32(a))
				}
				cur[x+1], cur[x+2], cur[x+3], cur[x+4] = r, g, bl, a
			}
		}
		row[0] = 2 // Up: each byte minus the one above it
		for i := 1; i < len(cur); i++ {
			row[i] = cur[i] - prev[i]
		}
		if _, err := z.Write(row); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

func writeChunk(w *bufio.Writer, name string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(name))
	crc.Write(data)
	w.WriteString(name)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// chunkWriter gathers what is written into chunks of up to 256 KiB.
type chunkWriter struct {
	w    *bufio.Writer
	name string
	buf  []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for len(c.buf) >= 256<<10 {
		writeChunk(c.w, c.name, c.buf[:256<<10])
		c.buf = c.buf[256<<10:]
	}
	return len(p), nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) > 0 {
		writeChunk(c.w, c.name, c.buf)
		c.buf = nil
	}
	return nil
}
