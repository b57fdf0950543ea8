#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<parser>/): a few tiny valid
files per parser, raw and gzip-compressed, each under 10 KB. Deterministic (fixed pixels, gzip
mtime 0), so rerunning it reproduces the committed bytes:  python3 tests/fuzz/make_corpus.py"""
import gzip
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(parser, name, data):
    assert len(data) < 10 * 1024, (parser, name, len(data))
    d = os.path.join(HERE, "corpus", parser)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def gz(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def pixels(n, salt):
    return bytes((i * 37 + salt * 11) % 256 for i in range(n))


# IDX (nets/data/idx_reader.hpp): big-endian magic, sizes, unsigned bytes.
images = struct.pack(">IIII", 0x803, 2, 3, 4) + pixels(2 * 3 * 4, 1)
labels = struct.pack(">II", 0x801, 5) + bytes([0, 9, 3, 7, 1])
write("idx_reader", "images_2x3x4.idx", images)
write("idx_reader", "images_2x3x4.idx.gz", gz(images))
write("idx_reader", "images_0x28x28.idx", struct.pack(">IIII", 0x803, 0, 28, 28))
write("idx_reader", "labels_5.idx", labels)
write("idx_reader", "labels_5.idx.gz", gz(labels))

# CIFAR (nets/data/cifar_reader.hpp), behind the target's selector byte:
# bit 0 = CIFAR-100, bit 1 = also through read_cifar_binary (a file: raw or gzip).
c10 = bytes([3]) + pixels(3072, 1) + bytes([9]) + pixels(3072, 2)  # 2 records of 3073 bytes
c100 = bytes([19, 99]) + pixels(3072, 3)  # 1 record of 3074 bytes
write("cifar_reader", "cifar10_2_memory.bin", bytes([0]) + c10)
write("cifar_reader", "cifar10_2_file.bin", bytes([2]) + c10)
write("cifar_reader", "cifar10_2_file_gzip.bin", bytes([2]) + gz(c10))
write("cifar_reader", "cifar100_1_memory.bin", bytes([1]) + c100)
write("cifar_reader", "cifar100_1_file_gzip.bin", bytes([3]) + gz(c100))
