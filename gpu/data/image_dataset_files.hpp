// Image classification data sets from their files in a directory, no download (torch-free;
// image_tensors.hpp and image_batch_loader.hpp turn the ImageSet into tensors):
//   MNIST, Fashion-MNIST  IDX files {train,t10k}-images-idx3-ubyte and
//                         {train,t10k}-labels-idx1-ubyte, each gzip (".gz", preferred when
//                         both exist) or raw; 28 x 28, one channel, labels 0..9
//   CIFAR-10              binary version: data_batch_1.bin .. data_batch_5.bin (train, in
//                         that order), test_batch.bin; labels 0..9
//   CIFAR-100             binary version: train.bin, test.bin; fine labels 0..99 (coarse
//                         labels kept in ImageSet::coarse_labels)
// The CIFAR files are looked up in the directory, or in its subdirectory
// cifar-10-batches-bin / cifar-100-binary (the archives' layout) when that exists.
//
// Directory: the argument if not empty, else an environment variable
// (OPTVERIFY_MNIST_DIR, OPTVERIFY_FASHION_MNIST_DIR, OPTVERIFY_CIFAR10_DIR,
// OPTVERIFY_CIFAR100_DIR), else for Fashion-MNIST the Debian package's directory
// /usr/share/datasets/fashion-mnist (package dataset-fashion-mnist); the others have no
// default (std::invalid_argument naming the variable).
//
// Errors (DataFileError, nets/data/idx_reader.hpp: file() and byte()): a missing file
// (byte -1, naming the file and what the directory should hold), and every problem of
// the readers (truncated or corrupt data, bad gzip stream, wrong magic) at its byte;
// a label outside the class range at its byte (IDX: 8 + sample); images that are not
// 28 x 28 (byte 8 of the images file); image and label counts that differ (byte 4 of the
// images file, naming both files). Nothing is returned partially.
#pragma once

#include <string>
#include <vector>

#include "nets/data/cifar_reader.hpp"  // ImageSet, DataFileError

namespace ov::gpu::data {

enum class ImageDataset { mnist, fashion_mnist, cifar10, cifar100 };
enum class Split { train, test };

// "MNIST", "Fashion-MNIST", "CIFAR-10", "CIFAR-100".
const char* image_dataset_name(ImageDataset dataset);
// 10, 10, 10, 100.
int image_dataset_classes(ImageDataset dataset);

// The directory the loader reads (rules above).
std::string image_dataset_directory(ImageDataset dataset, const std::string& directory = "");

// The files the loader reads for the split, in reading order (resolved: the existing
// .gz or raw IDX file, the CIFAR subdirectory). Throws DataFileError for the first
// missing one.
std::vector<std::string> image_dataset_files(ImageDataset dataset, Split split, const std::string& directory = "");

// The split as one ImageSet (CIFAR-10 train: the five batches concatenated, 50000
// images in the full set; ImageSet::file = the directory for several files, else the file).
ov::nets::data::ImageSet load_image_dataset(ImageDataset dataset, Split split, const std::string& directory = "");

// An IDX images file and its labels file as an ImageSet of rows x cols one-channel
// images; labels must be < classes (errors as above, without the 28 x 28 rule).
ov::nets::data::ImageSet idx_image_set(const std::string& images_file, const std::string& labels_file, int classes);

}  // namespace ov::gpu::data
