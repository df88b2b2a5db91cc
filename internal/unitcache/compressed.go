package unitcache

import "github.com/golang/snappy"

// PutCompressed queues data for a unit under its key in bucket,
// compressed with Snappy after a zero byte: for what a build reads in
// full (a ledger's records, the runtime bundle's parts), whose pages it
// would otherwise map as they are.
func (w *Writer) PutCompressed(bucket, unit, key string, data []byte) {
	w.PutBytes(bucket, unit, key, append([]byte{0}, snappy.Encode(nil, data)...))
}

// GetCompressed is what PutCompressed stored for unit under key in
// bucket, if it did. A value stored otherwise (by an earlier lingo, as it
// was) or damaged is none: its caller works it out again.
func (c *Cache) GetCompressed(bucket, unit, key string) ([]byte, bool) {
	var raw Raw
	if !c.Get(bucket, unit, key, &raw) || len(raw) == 0 || raw[0] != 0 {
		return nil, false
	}
	data, err := snappy.Decode(nil, raw[1:])
	return data, err == nil
}
