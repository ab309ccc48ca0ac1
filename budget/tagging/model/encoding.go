package model

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// A model file is its header as one line of JSON, then its weights, one
// int8 a byte, vector after vector. Both models are written and read here.

// encodeModel writes header and then the weights of each vector.
func encodeModel(w io.Writer, header any, weights ...[]int8) error {
	h, err := json.Marshal(header)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.Write(h)
	bw.WriteByte('\n')
	for _, vec := range weights {
		for _, v := range vec {
			bw.WriteByte(byte(v))
		}
	}
	return bw.Flush()
}

// decodeHeader reads the header line of a model file into header; what
// names the model in errors ("", "migration ").
func decodeHeader(br *bufio.Reader, header any, what string) error {
	line, err := br.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("model: %sheader: %w", what, err)
	}
	if err := json.Unmarshal(line, header); err != nil {
		return fmt.Errorf("model: %sheader: %w", what, err)
	}
	return nil
}

// decodeWeights reads one vector of n weights.
func decodeWeights(br *bufio.Reader, n int, what string) ([]int8, error) {
	buf := make([]byte, n)
	if _, err := io.ReadFull(br, buf); err != nil {
		return nil, fmt.Errorf("model: %sweights: %w", what, err)
	}
	w := make([]int8, n)
	for i, b := range buf {
		w[i] = int8(b)
	}
	return w, nil
}
