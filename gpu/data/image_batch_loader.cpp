#include "gpu/data/image_batch_loader.hpp"

#include <ATen/Parallel.h>
#include <ATen/ops/empty.h>

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace ov::gpu::data {

namespace nd = ov::nets::data;

namespace {

std::size_t checked_count(const nd::ImageSet& set) {
  if (set.count() == 0) {
    throw std::invalid_argument("ImageBatchLoader: the image set " + set.file + " is empty");
  }
  if (set.channels < 1 || set.rows < 1 || set.cols < 1 || set.pixels.size() != set.count() * set.image_size()) {
    throw std::invalid_argument("ImageBatchLoader: the image set " + set.file + " holds " +
                                std::to_string(set.pixels.size()) + " pixel bytes for " +
                                std::to_string(set.count()) + " labels of " + std::to_string(set.channels) + " x " +
                                std::to_string(set.rows) + " x " + std::to_string(set.cols) +
                                " images (valid: count * channels * rows * cols, each dimension >= 1)");
  }
  return set.count();
}

}  // namespace

ImageBatchLoader::ImageBatchLoader(nd::ImageSet set, TransformPipeline pipeline, BatchOptions options)
    : set_(std::move(set)),
      pipeline_(std::move(pipeline)),
      options_(options),
      batches_(checked_count(set_), options.batch_size, options.seed, options.shuffle, options.drop_last) {}

ImageBatch ImageBatchLoader::gather(std::uint64_t epoch, const std::vector<std::size_t>& indices) const {
  for (const std::size_t i : indices) {
    if (i >= set_.count()) {
      throw std::out_of_range("ImageBatchLoader::gather: index " + std::to_string(i) + " of a set of " +
                              std::to_string(set_.count()) + " images");
    }
  }
  const auto b = static_cast<std::int64_t>(indices.size());
  ImageBatch out;
  out.indices = indices;
  out.images = at::empty({b, set_.channels, set_.rows, set_.cols}, at::kFloat);
  out.labels = at::empty({b}, at::kLong);
  float* images = out.images.data_ptr<float>();
  std::int64_t* labels = out.labels.data_ptr<std::int64_t>();
  const std::size_t size = set_.image_size();
  // Sample k of the batch -> rows k of images and labels; each worker takes a contiguous
  // range of k and writes only its rows, so the result does not depend on the workers.
  const auto run = [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t i = indices[k];
      const nd::ImageF image = pipeline_.apply(nd::image_of(set_, i), options_.seed, epoch, i);
      std::copy(image.data.begin(), image.data.end(), images + k * size);
      labels[k] = set_.labels[i];
    }
  };
  // Plain std::threads, at::get_num_threads() of them at most: at::parallel_for's OpenMP
  // backend is a header template that runs serially in a translation unit compiled
  // without -fopenmp (measured: no speed-up with Debian's LibTorch 1.13).
  const std::size_t n = indices.size();
  const std::size_t workers = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(1, at::get_num_threads())));
  if (workers <= 1) {
    run(0, n);
    return out;
  }
  std::vector<std::exception_ptr> errors(workers);
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (std::size_t w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      try {
        run(n * w / workers, n * (w + 1) / workers);
      } catch (...) {
        errors[w] = std::current_exception();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return out;
}

ImageBatch ImageBatchLoader::batch(std::uint64_t epoch, std::size_t b) const {
  return gather(epoch, batches_.batch(epoch, b));
}

void ImageBatchLoader::for_each_batch(std::uint64_t epoch, const std::function<void(const ImageBatch&)>& f) const {
  for (const std::vector<std::size_t>& indices : batches_.batches(epoch)) f(gather(epoch, indices));
}

}  // namespace ov::gpu::data
