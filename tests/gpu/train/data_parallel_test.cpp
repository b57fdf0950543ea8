// Data-parallel training through c10d (gpu/train/data_parallel.hpp, docs/data-parallel.md).
// The multi-process tests start this executable again as the rank processes: a static
// initializer below sees OV_DATA_PARALLEL_TEST_WORKER in the environment, runs that worker
// scenario (2 ranks on loopback, Gloo), writes what it measured to a file and exits before
// GoogleTest's main runs. The parent compares the files with values it computes itself.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "gpu/train/data_parallel.hpp"
#include "gpu/train/trainer.hpp"
#include "nets/data/fashion_mnist.hpp"
#include "nets/data/idx_reader.hpp"
#include "tests/support/scratch_dir.hpp"

extern char** environ;

namespace ov::gpu::train {
namespace data_parallel_test_detail {

constexpr const char* kScenarioEnv = "OV_DATA_PARALLEL_TEST_WORKER";
constexpr const char* kRankEnv = "OV_DATA_PARALLEL_TEST_RANK";
constexpr const char* kMasterEnv = "OV_DATA_PARALLEL_TEST_MASTER";
constexpr const char* kOutputEnv = "OV_DATA_PARALLEL_TEST_OUTPUT";
constexpr const char* kOptimizerEnv = "OV_DATA_PARALLEL_TEST_OPTIMIZER";
constexpr const char* kOutputDirEnv = "OV_DATA_PARALLEL_TEST_OUTPUT_DIR";
constexpr const char* kDataDirEnv = "OV_DATA_PARALLEL_TEST_DATA_DIR";
constexpr int kWorld = 2;

// ---- measurements written by a worker: "key v1 v2 ..." per line, doubles in hex (exact) ----
using Measurements = std::map<std::string, std::vector<double>>;

inline void write_measurements(const std::string& path, const Measurements& m) {
  std::ofstream out(path);
  for (const auto& [key, values] : m) {
    out << key;
    char buffer[64];
    for (double v : values) {
      std::snprintf(buffer, sizeof buffer, " %a", v);
      out << buffer;
    }
    out << "\n";
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline Measurements read_measurements(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("worker output " + path + " is missing");
  Measurements m;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key, value;
    fields >> key;
    auto& values = m[key];
    while (fields >> value) values.push_back(std::strtod(value.c_str(), nullptr));
  }
  return m;
}

inline std::vector<double> values_of(const at::Tensor& t) {
  auto d = t.detach().to(at::kDouble).contiguous().reshape({-1});
  return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

// ---- the crafted inputs of the group scenario (the parent recomputes the expectations) ----
// Rank r's block counts: unequal (3 and 5 rows of a global batch of 8), so the weighted mean
// (3 x_0 + 5 x_1) / 8 differs from the unweighted (x_0 + x_1) / 2. All values are dyadic with
// few significant bits: every product and sum below is exact in float32, and so is / 8.
inline std::int64_t crafted_count(int rank) { return rank == 0 ? 3 : 5; }
inline double crafted_loss(int rank) { return rank == 0 ? 0.75 : -1.5; }
// Gradients of three parameters: float32 [2, 3], float64 [4], float32 [2] (undefined on rank 1).
inline std::vector<at::Tensor> crafted_gradients(int rank) {
  auto f = at::TensorOptions().dtype(at::kFloat), d = at::TensorOptions().dtype(at::kDouble);
  const double s = rank == 0 ? 1.0 : -0.375;
  std::vector<at::Tensor> g;
  g.push_back((at::arange(6, d) * 0.25 - 0.5).mul(s).reshape({2, 3}).to(f));
  g.push_back((at::arange(4, d) * 1.5 + 0.125).mul(rank == 0 ? 2.0 : 0.5));
  g.push_back(rank == 0 ? at::tensor(std::vector<double>{1.25, -0.0625}, d).to(f) : at::Tensor());
  return g;
}
inline std::vector<at::Tensor> crafted_parameters() {
  auto f = at::TensorOptions().dtype(at::kFloat), d = at::TensorOptions().dtype(at::kDouble);
  return {at::zeros({2, 3}, f).requires_grad_(true), at::zeros({4}, d).requires_grad_(true),
          at::zeros({2}, f).requires_grad_(true)};
}

// The global means computed directly (double; exact for the crafted values), weighted by the
// counts or (the broken variant an implementation might have) unweighted.
inline std::vector<std::vector<double>> expected_gradients(bool weighted) {
  std::vector<std::vector<double>> out;
  const auto g0 = crafted_gradients(0), g1 = crafted_gradients(1);
  const double c0 = weighted ? crafted_count(0) : 1, c1 = weighted ? crafted_count(1) : 1;
  for (std::size_t i = 0; i < g0.size(); ++i) {
    auto a = values_of(g0[i]);
    auto b = g1[i].defined() ? values_of(g1[i]) : std::vector<double>(a.size(), 0.0);  // undefined = zero
    std::vector<double> mean(a.size());
    for (std::size_t k = 0; k < a.size(); ++k) mean[k] = (c0 * a[k] + c1 * b[k]) / (c0 + c1);
    out.push_back(mean);
  }
  return out;
}

// local_rows of every rank are contiguous blocks in rank order covering [0, n), sizes
// differing by at most one.
inline bool is_balanced_partition(std::int64_t n, const std::vector<std::pair<std::int64_t, std::int64_t>>& blocks) {
  std::int64_t next = 0, smallest = n, largest = 0;
  for (const auto& [begin, end] : blocks) {
    if (begin != next || end < begin) return false;
    smallest = std::min(smallest, end - begin);
    largest = std::max(largest, end - begin);
    next = end;
  }
  return next == n && largest - smallest <= 1;
}

inline int env_int(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) throw std::runtime_error(std::string("worker: ") + name + " is not set");
  return std::atoi(v);
}

// The group scenario on one rank: every collective of DataParallelGroup.
inline Measurements run_group_worker(int rank, const std::string& master) {
  DataParallelGroup group(DataParallelConfig{kWorld, rank, master}, false, 20);
  Measurements m;
  m["world_size"] = {static_cast<double>(group.world_size())};
  m["rank"] = {static_cast<double>(group.rank())};
  for (std::int64_t n : {0, 1, 5, 8}) {
    auto [begin, end] = group.local_rows(n);
    m["local_rows_" + std::to_string(n)] = {static_cast<double>(begin), static_cast<double>(end)};
  }
  // Weighted mean of loss and gradients over unequal blocks, one gradient undefined on rank 1.
  auto params = crafted_parameters();
  auto grads = crafted_gradients(rank);
  for (std::size_t i = 0; i < params.size(); ++i)
    if (grads[i].defined()) params[i].mutable_grad() = grads[i].clone();
  m["loss"] = {group.average_loss_and_gradients(crafted_loss(rank), crafted_count(rank), params)};
  for (std::size_t i = 0; i < params.size(); ++i) {
    m["grad_" + std::to_string(i)] = values_of(params[i].grad());
    m["grad_dtype_" + std::to_string(i)] = {params[i].grad().scalar_type() == params[i].scalar_type() ? 1.0 : 0.0};
  }
  // An empty block (rank 1 has 0 rows: its NaN mean loss and NaN gradients must not count).
  auto empty_params = crafted_parameters();
  for (std::size_t i = 0; i < empty_params.size(); ++i)
    empty_params[i].mutable_grad() = rank == 0 ? crafted_gradients(0)[i].defined() ? crafted_gradients(0)[i]
                                                                                    : at::zeros_like(empty_params[i])
                                               : at::full_like(empty_params[i], std::nan(""));
  m["empty_loss"] = {group.average_loss_and_gradients(rank == 0 ? 0.75 : std::nan(""), rank == 0 ? 3 : 0, empty_params)};
  for (std::size_t i = 0; i < empty_params.size(); ++i) m["empty_grad_" + std::to_string(i)] = values_of(empty_params[i].grad());
  m["weighted_average"] = {group.weighted_average(rank == 0 ? 0.5 : 2.0, rank == 0 ? 1.0 : 3.0)};
  // Broadcast parameters (requiring gradients) and an int64 buffer from rank 0, then from rank 1.
  for (int root : {0, 1}) {
    auto weights = at::full({3}, 1.5 + rank, at::TensorOptions().dtype(at::kFloat)).requires_grad_(true);
    auto counter = at::full({2}, 10 * (rank + 1), at::TensorOptions().dtype(at::kLong));
    group.broadcast({weights, counter}, root);
    m["broadcast_from_" + std::to_string(root)] = values_of(at::cat({weights.detach().to(at::kDouble), counter.to(at::kDouble)}));
  }
  group.barrier();
  return m;
}

// The training scenario: the same global batches on 1 or 2 ranks. LeNet (no batch norm, so
// the ranks' forward passes see nothing of each other), 256 Fashion-MNIST training samples,
// global batch 64, 2 epochs, one thread per process.
inline TrainingConfig training_config(const std::string& optimizer, int world_size, int rank, const std::string& master,
                                     const std::string& data_dir) {
  TrainingConfig c;
  c.data_dir = data_dir;
  c.model = "lenet";
  c.dataset = "fashion-mnist";
  c.optimizer = optimizer;
  c.epochs = 2;
  c.batch_size = 64;
  c.seeds = {5};
  c.device = "cpu";
  c.subset = 256;
  c.test_subset = 256;
  c.threads = 1;
  c.parallel = DataParallelConfig{world_size, rank, master};
  return c;
}

// Per epoch: train loss, validation loss, validation accuracy, learning rate, gradient and
// function evaluations; with MBT also the finder's rate and its per-batch rates.
inline Measurements training_measurements(const TrainingResult& result) {
  Measurements m;
  const auto& run = result.runs.at(0);
  m["diverged"] = {run.diverged ? 1.0 : 0.0};
  for (const auto& e : run.epochs) {
    const std::string k = std::to_string(e.epoch);
    m["train_loss_" + k] = {e.train_loss};
    m["validation_loss_" + k] = {e.validation_loss};
    m["validation_accuracy_" + k] = {e.validation_accuracy};
    m["learning_rate_" + k] = {e.learning_rate};
    m["evaluations_" + k] = {static_cast<double>(e.gradient_evaluations), static_cast<double>(e.function_evaluations)};
    if (e.extra.contains("finder_lr")) m["finder_lr_" + k] = {e.extra.at("finder_lr").get<double>()};
    if (e.extra.contains("finder_per_batch")) {
      auto& v = m["finder_per_batch_" + k];
      for (const auto& x : e.extra.at("finder_per_batch")) v.push_back(x.get<double>());
    }
  }
  return m;
}

inline Measurements run_training_worker(int rank, const std::string& master) {
  const char* optimizer = std::getenv(kOptimizerEnv);
  const char* output_dir = std::getenv(kOutputDirEnv);
  if (optimizer == nullptr || output_dir == nullptr) throw std::runtime_error("training worker: optimizer/output dir not set");
  const char* data_dir = std::getenv(kDataDirEnv);
  auto config = training_config(optimizer, kWorld, rank, master, data_dir ? data_dir : "");
  config.output_dir = std::string(output_dir) + "/rank" + std::to_string(rank);  // only rank 0 may write
  return training_measurements(run_training(config));
}

// Runs the worker scenario named in the environment, if any, and exits the process; otherwise
// returns false and the program continues as the GoogleTest program.
inline bool run_worker_if_requested() {
  const char* scenario = std::getenv(kScenarioEnv);
  if (scenario == nullptr) return false;
  int code = 0;
  try {
    const int rank = env_int(kRankEnv);
    const std::string master = std::getenv(kMasterEnv) ? std::getenv(kMasterEnv) : "";
    const std::string output = std::getenv(kOutputEnv) ? std::getenv(kOutputEnv) : "";
    Measurements m;
    if (std::string(scenario) == "group")
      m = run_group_worker(rank, master);
    else if (std::string(scenario).rfind("training", 0) == 0)
      m = run_training_worker(rank, master);
    else
      throw std::runtime_error(std::string("unknown worker scenario ") + scenario);
    write_measurements(output, m);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "data-parallel test worker failed: %s\n", e.what());
    code = 3;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(code);
}

[[maybe_unused]] const bool worker_ran = run_worker_if_requested();

// ---- the parent side ----

// A TCP port that was free a moment ago (bound to port 0 on loopback, then closed).
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a loopback socket to port 0");
  }
  const int port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

struct WorkerRun {
  std::vector<Measurements> measurements;  // per rank
  std::vector<int> exit_codes;
  std::string logs;                        // the workers' stderr/stdout
};

// Starts this executable once per rank with the scenario in the environment, waits (at most
// `limit`, then kills them) and reads their measurements.
inline WorkerRun run_workers(const std::string& scenario, const std::filesystem::path& dir,
                             const std::vector<std::string>& extra_environment = {},
                             std::chrono::seconds limit = std::chrono::seconds(90)) {
  const std::string master = "127.0.0.1:" + std::to_string(free_port());
  std::vector<pid_t> pids;
  for (int rank = 0; rank < kWorld; ++rank) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
    const auto output = (dir / (scenario + "_rank" + std::to_string(rank) + ".txt")).string();
    env_strings.push_back(std::string(kScenarioEnv) + "=" + scenario);
    env_strings.push_back(std::string(kRankEnv) + "=" + std::to_string(rank));
    env_strings.push_back(std::string(kMasterEnv) + "=" + master);
    env_strings.push_back(std::string(kOutputEnv) + "=" + output);
    for (const auto& e : extra_environment) env_strings.push_back(e);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string exe = "/proc/self/exe";
    std::vector<char*> argv{exe.data(), nullptr};
    const auto log = (dir / (scenario + "_rank" + std::to_string(rank) + ".log")).string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("posix_spawn of /proc/self/exe failed: " + std::to_string(rc));
    pids.push_back(pid);
  }
  WorkerRun run;
  run.exit_codes.assign(kWorld, -1);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::size_t finished = 0;
  std::vector<bool> done(kWorld, false);
  while (finished < pids.size()) {
    for (int rank = 0; rank < kWorld; ++rank) {
      if (done[rank]) continue;
      int status = 0;
      if (::waitpid(pids[rank], &status, WNOHANG) == pids[rank]) {
        done[rank] = true;
        ++finished;
        run.exit_codes[rank] = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    if (finished < pids.size() && std::chrono::steady_clock::now() > deadline) {
      for (int rank = 0; rank < kWorld; ++rank)
        if (!done[rank]) {
          ::kill(pids[rank], SIGKILL);
          ::waitpid(pids[rank], nullptr, 0);
          done[rank] = true;
          ++finished;
        }
    } else if (finished < pids.size()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  for (int rank = 0; rank < kWorld; ++rank) {
    std::ifstream log(dir / (scenario + "_rank" + std::to_string(rank) + ".log"));
    std::stringstream text;
    text << log.rdbuf();
    run.logs += "rank " + std::to_string(rank) + ": " + text.str() + "\n";
    run.measurements.push_back(run.exit_codes[rank] == 0
                                   ? read_measurements((dir / (scenario + "_rank" + std::to_string(rank) + ".txt")).string())
                                   : Measurements{});
  }
  return run;
}

inline ov::testing::ScratchDir& scratch() {
  static ov::testing::ScratchDir dir("ov_data_parallel_test_");
  return dir;
}

// The first 256 training and test samples of the installed Fashion-MNIST as uncompressed idx
// files (written once per program): every run then loads 400 KB instead of decompressing
// 30 MB, which would dominate this test's time. The runs use exactly these samples either way
// (subset = test_subset = 256 take the first rows).
inline std::string small_fashion_mnist() {
  static const std::string dir = [] {
    namespace nd = ov::nets::data;
    const auto out = scratch().path() / "fashion-mnist";
    std::filesystem::create_directories(out);
    const std::string source = nd::fashion_mnist_directory("");
    auto big_endian = [](std::ofstream& f, std::uint32_t v) {
      const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
      f.write(bytes, 4);
    };
    constexpr std::uint32_t kKeep = 256;
    for (const std::string prefix : {"train", "t10k"}) {
      const auto images = nd::read_idx_images(source + "/" + prefix + "-images-idx3-ubyte.gz");
      const auto labels = nd::read_idx_labels(source + "/" + prefix + "-labels-idx1-ubyte.gz");
      std::ofstream fi(out / (prefix + "-images-idx3-ubyte"), std::ios::binary);
      big_endian(fi, 0x803);
      big_endian(fi, kKeep);
      big_endian(fi, static_cast<std::uint32_t>(images.rows));
      big_endian(fi, static_cast<std::uint32_t>(images.cols));
      fi.write(reinterpret_cast<const char*>(images.pixels.data()), kKeep * images.rows * images.cols);
      std::ofstream fl(out / (prefix + "-labels-idx1-ubyte"), std::ios::binary);
      big_endian(fl, 0x801);
      big_endian(fl, kKeep);
      fl.write(reinterpret_cast<const char*>(labels.data()), kKeep);
      if (!fi || !fl) throw std::runtime_error("cannot write the small Fashion-MNIST files in " + out.string());
    }
    return out.string();
  }();
  return dir;
}

}  // namespace data_parallel_test_detail

namespace {
namespace dp = data_parallel_test_detail;

TEST(DataParallelGroupOfOne, IsLocalAndTreatsUndefinedGradientsAsZero) {
  DataParallelGroup group(DataParallelConfig{1, 0, "127.0.0.1:1"});  // no rendezvous: the port is never used
  EXPECT_EQ(group.world_size(), 1);
  EXPECT_EQ(group.rank(), 0);
  EXPECT_EQ(group.local_rows(7), (std::pair<std::int64_t, std::int64_t>{0, 7}));
  auto params = dp::crafted_parameters();
  params[0].mutable_grad() = dp::crafted_gradients(0)[0].clone();
  EXPECT_EQ(group.average_loss_and_gradients(0.75, 3, params), 0.75);
  EXPECT_TRUE(torch::equal(params[0].grad(), dp::crafted_gradients(0)[0]));  // unchanged
  ASSERT_TRUE(params[1].grad().defined());                                   // allocated as zeros
  EXPECT_TRUE(torch::equal(params[1].grad(), torch::zeros({4}, torch::kDouble)));
  EXPECT_EQ(group.weighted_average(2.5, 4), 2.5);
  auto t = torch::ones({2});
  group.broadcast({t});
  group.barrier();
  EXPECT_TRUE(torch::equal(t, torch::ones({2})));
  EXPECT_THROW(group.average_loss_and_gradients(1.0, -1, params), std::invalid_argument);
  EXPECT_THROW(group.average_loss_and_gradients(1.0, 0, params), std::runtime_error);  // no rows anywhere
  EXPECT_THROW(group.broadcast({t}, 1), std::invalid_argument);
}

TEST(DataParallelGroupConfig, RefusesBadConfigsNamingTheField) {
  auto message_of = [](const DataParallelConfig& c, double timeout = 5) -> std::string {
    try {
      DataParallelGroup group(c, false, timeout);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "(accepted)";
  };
  EXPECT_NE(message_of({0, 0, "127.0.0.1:29500"}).find("parallel.world_size = 0"), std::string::npos);
  EXPECT_NE(message_of({2, 2, "127.0.0.1:29500"}).find("parallel.rank = 2 is outside [0, world_size - 1] = [0, 1]"), std::string::npos);
  EXPECT_NE(message_of({2, -1, "127.0.0.1:29500"}).find("parallel.rank = -1"), std::string::npos);
  for (const char* bad : {"127.0.0.1", "127.0.0.1:", ":29500", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:29x0",
                          "127.0.0.1:-5", "[]:29500"}) {
    const auto message = message_of({1, 0, bad});
    EXPECT_NE(message.find("parallel.master = \"" + std::string(bad) + "\""), std::string::npos) << bad << ": " << message;
    EXPECT_NE(message.find("[1, 65535]"), std::string::npos) << message;
  }
  EXPECT_NE(message_of({1, 0, "127.0.0.1:29500"}, 0).find("timeout"), std::string::npos);
  // The valid boundary values are accepted (a group of one: no rendezvous).
  for (const char* good : {"127.0.0.1:1", "localhost:65535", "[::1]:29500", "node-3.cluster:8080"})
    EXPECT_EQ(message_of({1, 0, good}), "(accepted)") << good;
}

TEST(DataParallelGroupPartition, CheckerRefusesBrokenPartitions) {
  // The property tested on the ranks' local_rows: accepted for a balanced partition, refused
  // for unbalanced, overlapping, gapped or incomplete ones.
  EXPECT_TRUE(dp::is_balanced_partition(5, {{0, 3}, {3, 5}}));
  EXPECT_FALSE(dp::is_balanced_partition(5, {{0, 4}, {4, 5}}));
  EXPECT_FALSE(dp::is_balanced_partition(5, {{0, 3}, {2, 5}}));
  EXPECT_FALSE(dp::is_balanced_partition(5, {{0, 2}, {3, 5}}));
  EXPECT_FALSE(dp::is_balanced_partition(5, {{0, 2}, {2, 4}}));
}

TEST(DataParallelGroupRendezvous, MissingPeerTimesOutNamingTheAddress) {
  // Rank 0 waits for a rank 1 that never comes; rank 1 looks for a rank 0 that is not there.
  for (int rank : {0, 1}) {
    const std::string master = "127.0.0.1:" + std::to_string(dp::free_port());
    const auto start = std::chrono::steady_clock::now();
    try {
      DataParallelGroup group(DataParallelConfig{2, rank, master}, false, 1.0);
      ADD_FAILURE() << "rank " << rank << ": the rendezvous without a peer succeeded";
    } catch (const std::runtime_error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("rendezvous at " + master), std::string::npos) << message;
      EXPECT_NE(message.find("rank " + std::to_string(rank)), std::string::npos) << message;
    }
    // Bounded by the timeout (generous margin for a loaded machine: not a timing assertion on speed).
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
  }
}

TEST(DataParallelGroupTwoProcesses, CollectivesGiveTheGlobalWeightedMeans) {
  const auto run = dp::run_workers("group", dp::scratch().path());
  ASSERT_EQ(run.exit_codes, (std::vector<int>{0, 0})) << run.logs;
  const auto expected = dp::expected_gradients(true);
  const auto unweighted = dp::expected_gradients(false);
  std::vector<std::pair<std::int64_t, std::int64_t>> blocks[4];
  for (int rank = 0; rank < dp::kWorld; ++rank) {
    const auto& m = run.measurements[rank];
    SCOPED_TRACE("rank " + std::to_string(rank));
    EXPECT_EQ(m.at("world_size"), std::vector<double>{2});
    EXPECT_EQ(m.at("rank"), std::vector<double>{static_cast<double>(rank)});
    int i = 0;
    for (std::int64_t n : {0, 1, 5, 8}) {
      const auto& r = m.at("local_rows_" + std::to_string(n));
      blocks[i++].emplace_back(static_cast<std::int64_t>(r[0]), static_cast<std::int64_t>(r[1]));
    }
    // (3 * 0.75 + 5 * -1.5) / 8, exact.
    EXPECT_EQ(m.at("loss"), std::vector<double>{(3 * 0.75 + 5 * -1.5) / 8});
    for (std::size_t p = 0; p < expected.size(); ++p) {
      // Exact: dyadic inputs, every product and sum exact, one division by 8.
      EXPECT_EQ(m.at("grad_" + std::to_string(p)), expected[p]) << "parameter " << p;
      // The broken variant (unweighted mean over the ranks) differs on these unequal blocks.
      EXPECT_NE(unweighted[p], expected[p]) << "parameter " << p;
      EXPECT_EQ(m.at("grad_dtype_" + std::to_string(p)), std::vector<double>{1});
    }
    // Empty block on rank 1: the result is rank 0's alone.
    EXPECT_EQ(m.at("empty_loss"), std::vector<double>{0.75});
    const auto g0 = dp::crafted_gradients(0);
    for (std::size_t p = 0; p < g0.size(); ++p)
      EXPECT_EQ(m.at("empty_grad_" + std::to_string(p)), dp::values_of(g0[p])) << "parameter " << p;
    EXPECT_EQ(m.at("weighted_average"), std::vector<double>{(1 * 0.5 + 3 * 2.0) / 4});
    EXPECT_EQ(m.at("broadcast_from_0"), (std::vector<double>{1.5, 1.5, 1.5, 10, 10}));
    EXPECT_EQ(m.at("broadcast_from_1"), (std::vector<double>{2.5, 2.5, 2.5, 20, 20}));
  }
  const std::int64_t sizes[4] = {0, 1, 5, 8};
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(dp::is_balanced_partition(sizes[i], blocks[i])) << "n = " << sizes[i];
  EXPECT_EQ(blocks[2], (std::vector<std::pair<std::int64_t, std::int64_t>>{{0, 3}, {3, 5}}));
}

// Two ranks against one process on the same global batches: LeNet, 256 Fashion-MNIST samples,
// global batch 64, 2 epochs, plain SGD and MBT-MMT (its finder's losses and gradients, hence its
// rate, are averaged over the ranks' rows).
// Tolerance: both runs compute the same quantities in float32, but each global-batch mean is
// formed from two half-batch means (weighted sum, then / 64) instead of one sum over 64 rows:
// the rounding differs (float32 unit roundoff 6e-8 per operation) and the differences are
// carried through 8 steps. Measured: largest relative difference 7.8e-8 (SGD) and 1.0e-7
// (MBT-MMT) over every loss, rate and accuracy; the tolerance is 1e-4 relative (counts of
// evaluations: exact). The validation accuracy may differ by one sample whose two largest
// logits are that close: tolerance 1/256.
// The finder runs with alpha = 1/2, not the paper's 1e-4: its accept/reject decisions are
// discontinuous, and with alpha = 1e-4 the sufficient-decrease margin on this 256-sample set is
// within rounding of zero at one batch: one process with 1 thread and with 2 threads already
// picks different rates there (0.375 against 0.75 at finder batch 7 of epoch 1; measured), and
// so do 2 ranks. With alpha = 1/2 the margins are far above rounding.
TEST(DataParallelTraining, TwoRanksMatchOneProcessOnTheSameGlobalBatches) {
  for (const std::string optimizer : {"sgd:lr=0.05", "mbt_mmt:alpha=1/2,batches=5"}) {
    SCOPED_TRACE(optimizer);
    const auto dir = dp::scratch().path() / (optimizer.substr(0, 3) + "_out");
    const std::string data_dir = dp::small_fashion_mnist();
    const auto run = dp::run_workers("training_" + optimizer.substr(0, 3), dp::scratch().path(),
                                     {std::string(dp::kOptimizerEnv) + "=" + optimizer,
                                      std::string(dp::kOutputDirEnv) + "=" + dir.string(),
                                      std::string(dp::kDataDirEnv) + "=" + data_dir});
    ASSERT_EQ(run.exit_codes, (std::vector<int>{0, 0})) << run.logs;
    const auto single = dp::training_measurements(run_training(dp::training_config(optimizer, 1, 0, "127.0.0.1:1", data_dir)));
    // Only rank 0 writes files.
    EXPECT_TRUE(std::filesystem::exists(dir / "rank0" / "config.json"));
    EXPECT_FALSE(std::filesystem::exists(dir / "rank1"));
    ASSERT_EQ(single.at("diverged"), std::vector<double>{0}) << "the reference run diverged: choose another setting";
    for (int rank = 0; rank < dp::kWorld; ++rank) {
      SCOPED_TRACE("rank " + std::to_string(rank));
      const auto& m = run.measurements[rank];
      std::vector<std::string> keys;
      for (const auto& [key, values] : single) keys.push_back(key);
      std::vector<std::string> got_keys;
      for (const auto& [key, values] : m) got_keys.push_back(key);
      ASSERT_EQ(got_keys, keys);
      double largest = 0;  // the largest relative difference (reported, for docs/data-parallel.md)
      for (const auto& [key, expected] : single) {
        const auto& got = m.at(key);
        ASSERT_EQ(got.size(), expected.size()) << key;
        for (std::size_t i = 0; i < expected.size(); ++i) {
          const double tolerance = key.rfind("validation_accuracy", 0) == 0 ? 1.0 / 256 + 1e-12
                                   : key.rfind("evaluations", 0) == 0 || key == "diverged" ? 0
                                                                                           : 1e-4 * std::abs(expected[i]);
          EXPECT_LE(std::abs(got[i] - expected[i]), tolerance) << key << "[" << i << "]: " << got[i] << " vs " << expected[i];
          if (expected[i] != 0) largest = std::max(largest, std::abs(got[i] - expected[i]) / std::abs(expected[i]));
        }
      }
      std::printf("%s, rank %d against one process: largest relative difference %.3g\n", optimizer.c_str(), rank, largest);
    }
    // The comparison is not vacuous: a different global batch (32) changes these numbers by
    // far more than the tolerance (checked once: it needs a third run).
    if (optimizer != "sgd:lr=0.05") continue;
    auto other = dp::training_config(optimizer, 1, 0, "127.0.0.1:1", data_dir);
    other.batch_size = 32;
    other.epochs = 1;
    const auto changed = dp::training_measurements(run_training(other));
    EXPECT_GT(std::abs(changed.at("train_loss_1")[0] - single.at("train_loss_1")[0]), 1e-4 * std::abs(single.at("train_loss_1")[0]));
  }
}

}  // namespace
}  // namespace ov::gpu::train
