// The training runner (gpu/train, docs/benchmarks.md): config JSON, optimizer specs,
// schedules, reproducibility, evaluation counts, checkpoints and resume, divergence, errors.
// Runs on 512 Fashion-MNIST samples (Debian package dataset-fashion-mnist) with LeNet.
#include <gtest/gtest.h>
#include <unistd.h>
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "gpu/train/learning_rate_schedule.hpp"
#include "gpu/train/trainer.hpp"
#include "gpu/train/training_checkpoint.hpp"
#include "gpu/train/training_config.hpp"
#include "gpu/train/training_optimizer.hpp"
#include "nets/data/idx_reader.hpp"
#include "nets/torch/model_zoo.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::gpu::train {
namespace {

namespace fs = std::filesystem;

// Message of the exception f throws (as type E), or "" when it throws none.
template <class E, class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TrainingConfig small_config(const std::string& optimizer = "sgd:lr=0.05") {
  TrainingConfig c;
  c.model = "lenet";
  c.dataset = "fashion-mnist";
  c.optimizer = optimizer;
  c.epochs = 2;
  c.batch_size = 64;
  c.subset = 512;
  c.test_subset = 256;
  c.device = "cpu";
  c.seeds = {0};
  return c;
}

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("ov-trainer-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string str() const { return path.string(); }
};

// Records equal in everything but the wall time (bitwise for the reals).
bool same_records(const SeedRun& a, const SeedRun& b) {
  if (a.epochs.size() != b.epochs.size() || a.diverged != b.diverged) return false;
  for (std::size_t i = 0; i < a.epochs.size(); ++i) {
    nlohmann::json x = to_json(a.epochs[i]), y = to_json(b.epochs[i]);
    x.erase("seconds");
    y.erase("seconds");
    if (x != y) return false;
  }
  return true;
}

// The model parameters of a checkpoint file, loaded into a fresh LeNet.
std::vector<torch::Tensor> checkpoint_parameters(const std::string& seed_dir) {
  const auto m = read_checkpoint_manifest(seed_dir);
  if (!m) throw std::runtime_error("no checkpoint in " + seed_dir);
  torch::serialize::InputArchive archive, model_archive;
  archive.load_from(seed_dir + "/" + m->tensor_file);
  archive.read("model", model_archive);
  auto model = ov::nets::torchzoo::make_model("lenet", ov::nets::torchzoo::ModelSpec::gray28(10));
  model->load(model_archive);
  return model->parameters();
}

bool same_tensors(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!torch::equal(a[i], b[i])) return false;
  return true;
}

// ---- configuration

TEST(TrainingConfig, JsonRoundTripKeepsEveryField) {
  TrainingConfig c = small_config("adam:lr=0.001");
  c.data_dir = "/data";
  c.seeds = {3, 5};
  c.weight_decay = 1e-4;
  c.lr_schedule = "inverse_sqrt_epoch:delta=0.001";
  c.batch_reuse = 2;
  c.augment = true;
  c.threads = 2;
  c.output_dir = "/out";
  c.resume = true;
  c.parallel.world_size = 2;
  c.parallel.rank = 1;
  c.parallel.master = "10.0.0.1:1234";
  const nlohmann::json j = c.to_json();
  EXPECT_EQ(TrainingConfig::from_json(j).to_json(), j);
  EXPECT_EQ(j.size(), 18u);  // every field of TrainingConfig
  // A changed field is seen (the comparison is not vacuous).
  TrainingConfig d = c;
  d.parallel.rank = 0;
  EXPECT_NE(d.to_json(), j);
  // A subset keeps the defaults.
  EXPECT_EQ(TrainingConfig::from_json({{"epochs", 7}}).to_json()["batch_size"], TrainingConfig().batch_size);
}

TEST(TrainingConfig, ErrorsNameTheField) {
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { TrainingConfig::from_json({{"epoch", 3}}); }), "\"epoch\""));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { TrainingConfig::from_json({{"epochs", "3"}}); }), "\"epochs\""));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { TrainingConfig::from_json({{"seeds", {1, -2}}}); }), "seeds"));
  EXPECT_TRUE(contains(
      error_of<std::invalid_argument>([] { TrainingConfig::from_json({{"parallel", {{"size", 2}}}}); }), "parallel.size"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { TrainingConfig::from_json({{"parallel", {{"rank", 0.5}}}}); }),
                       "\"parallel.rank\" must be an integer"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { TrainingConfig::from_json({{"epochs", 1e12}}); }), "\"epochs\""));
  auto bad = [](auto change) {
    TrainingConfig c = small_config();
    change(c);
    return error_of<std::invalid_argument>([&] { c.validate(); });
  };
  EXPECT_EQ(bad([](TrainingConfig&) {}), "");
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.epochs = 0; }), "epochs = 0"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.batch_size = 0; }), "batch_size"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.dataset = "svhn"; }), "fashion-mnist"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.device = "tpu"; }), "cuda:N"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.seeds = {1, 1}; }), "seeds"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.weight_decay = -1; }), "weight_decay"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.batch_reuse = 0; }), "batch_reuse"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.lr_schedule = "cosine"; }), "inverse_sqrt_epoch"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.resume = true; }), "output_dir"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.parallel.rank = 2; }), "parallel.rank"));
  EXPECT_TRUE(contains(bad([](TrainingConfig& c) { c.parallel.master = "host:70000"; }), "parallel.master"));
}

// ---- optimizer specs and schedules

TEST(OptimizerSpec, ParsesAndReportsErrors) {
  const OptimizerSpec s = parse_optimizer_spec("sgd:lr=1/100,momentum=0.9,nesterov=true");
  EXPECT_EQ(s.name, "sgd");
  ASSERT_EQ(s.values.size(), 3u);
  EXPECT_EQ(s.values[0], (std::pair<std::string, std::string>("lr", "1/100")));
  const std::string unknown = error_of<std::invalid_argument>([] { parse_optimizer_spec("adamm:lr=1"); });
  EXPECT_TRUE(contains(unknown, "adamm") && contains(unknown, "adam,") && contains(unknown, "mbt_nag")) << unknown;
  const std::string key = error_of<std::invalid_argument>([] { parse_optimizer_spec("adam:lr=1,beta=0.5"); });
  EXPECT_TRUE(contains(key, "\"beta\"") && contains(key, "beta1, beta2")) << key;
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { parse_optimizer_spec("sgd:lr=fast"); }), "not a finite number"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { parse_optimizer_spec("sgd:nesterov=maybe"); }), "boolean"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { parse_optimizer_spec("sgd:lr=1,lr=2"); }), "twice"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { parse_optimizer_spec("sgd:lr"); }), "key=value"));
  // Values: the optimizer's own message.
  EXPECT_EQ(error_of<std::invalid_argument>([] { check_optimizer_spec("sgd:lr=0.1,momentum=0.9"); }), "");
  const std::string range = error_of<std::invalid_argument>([] { check_optimizer_spec("sgd:momentum=1.5"); });
  EXPECT_TRUE(contains(range, "momentum")) << range;
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { check_optimizer_spec("torch_sgd:lr=-1"); }), "torch_sgd"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { check_optimizer_spec("mbt_mmt:alpha=2"); }), "alpha"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { check_optimizer_spec("mbt_gd:patience=0"); }), "patience"));
  for (const auto& name : optimizer_names()) {
    if (contains(name, "<core spec>")) continue;  // rule:<core spec>, rule_train:<core spec>
    EXPECT_EQ(error_of<std::invalid_argument>([&] { check_optimizer_spec(name); }), "") << name;
  }
  if (closure_rules_available()) {
    EXPECT_EQ(error_of<std::invalid_argument>([] { check_optimizer_spec("rule:two_way_backtracking_gd:alpha=1/10000"); }), "");
    EXPECT_NE(error_of<std::invalid_argument>([] { check_optimizer_spec("rule:no_such_rule"); }), "");
  } else {
    EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { parse_optimizer_spec("rule:step_tuned_sgd"); }), "full build"));
  }
}

TEST(LearningRateSchedule, FactorsAndErrors) {
  // Exact formulas; tolerance 1e-15 relative for pow.
  EXPECT_EQ(LearningRateSchedule("constant").factor(7), 1.0);
  EXPECT_NEAR(LearningRateSchedule("inverse_sqrt_epoch").factor(4), 1 / std::pow(4.0, 0.501), 1e-15);
  EXPECT_EQ(LearningRateSchedule("inverse_sqrt_epoch").factor(1), 1.0);
  EXPECT_NEAR(LearningRateSchedule("power:q=0.5").factor(4), 0.5, 1e-15);
  EXPECT_NEAR(LearningRateSchedule("power:q=1/4").factor(16), 0.5, 1e-15);
  const LearningRateSchedule step("step:factor=0.1,every=2");
  EXPECT_EQ(step.factor(1), 1.0);
  EXPECT_EQ(step.factor(2), 1.0);
  EXPECT_NEAR(step.factor(3), 0.1, 1e-16);
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { LearningRateSchedule("power:p=1"); }), "valid keys: q"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { LearningRateSchedule("step:every=0"); }), "every"));
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { LearningRateSchedule("cosine"); }), "constant"));
}

// ---- training

TEST(Trainer, SameSeedSameRecordsOtherSeedOthers) {
  TrainingConfig c = small_config();
  c.seeds = {1, 2};
  const TrainingResult a = run_training(c), b = run_training(c);
  ASSERT_EQ(a.runs.size(), 2u);
  EXPECT_TRUE(same_records(a.runs[0], b.runs[0]));
  EXPECT_TRUE(same_records(a.runs[1], b.runs[1]));
  EXPECT_FALSE(same_records(a.runs[0], a.runs[1]));
  // sgd decreases the training loss on this problem; lr = 0 (a broken optimizer) does not.
  const auto& e = a.runs[0].epochs;
  ASSERT_EQ(e.size(), 2u);
  EXPECT_LT(e[1].train_loss, e[0].train_loss);
  EXPECT_GE(e[1].validation_accuracy, 0);
  EXPECT_LE(e[1].validation_accuracy, 1);
  // A broken variant (a rate too small to move: lr = 1e-12) shows no such decrease.
  const auto f = run_training(small_config("sgd:lr=1e-12")).runs[0].epochs;
  EXPECT_FALSE(f[1].train_loss < f[0].train_loss - 1e-3);
  EXPECT_LT(e[1].train_loss, f[1].train_loss - 1e-3);
  EXPECT_EQ(a.environment["device"], "cpu");
}

TEST(Trainer, CountsGradientEvaluationsExactly) {
  // 512 samples, batch 64: 8 steps per epoch.
  const auto sgd = run_training(small_config()).runs[0].epochs;
  EXPECT_EQ(sgd[0].gradient_evaluations, 8);
  EXPECT_EQ(sgd[1].gradient_evaluations, 16);
  EXPECT_EQ(sgd[1].function_evaluations, 0);
  TrainingConfig reuse = small_config();
  reuse.batch_reuse = 2;
  const auto r = run_training(reuse).runs[0].epochs;
  EXPECT_EQ(r[0].gradient_evaluations, 16);
  EXPECT_EQ(r[1].gradient_evaluations, 32);
  // MBT-MMT: the finder's closure calls (its own counter) plus the 8 steps, every epoch.
  TrainingConfig mbt = small_config("mbt_mmt:batches=3,alpha=0.5");
  const auto m = run_training(mbt).runs[0].epochs;
  const std::int64_t calls1 = m[0].extra.at("finder_closure_calls").get<std::int64_t>();
  const std::int64_t calls2 = m[1].extra.at("finder_closure_calls").get<std::int64_t>();
  EXPECT_GE(calls1, 3);
  EXPECT_EQ(m[0].gradient_evaluations, calls1 + 8);
  EXPECT_EQ(m[1].gradient_evaluations, calls1 + calls2 + 16);
  EXPECT_EQ(m[0].extra.at("finder_per_batch").size(), 3u);
  EXPECT_EQ(m[0].learning_rate, m[0].extra.at("finder_lr").get<double>());
  EXPECT_GT(m[0].learning_rate, 0);
}

TEST(Trainer, SchedulesScaleTheRate) {
  TrainingConfig c = small_config("sgd:lr=0.05");
  c.lr_schedule = "step:factor=0.5,every=1";
  const auto e = run_training(c).runs[0].epochs;
  EXPECT_EQ(e[0].learning_rate, 0.05);
  EXPECT_EQ(e[1].learning_rate, 0.025);
  TrainingConfig mbt = small_config("mbt_gd");
  mbt.lr_schedule = "power:q=0.5";
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([&] { run_training(mbt); }), "finder"));
}

TEST(Trainer, WeightDecayAddsHalfLambdaSquaredNorm) {
  // With lr = 1e-12 the parameters stay at their initial values to float precision, so the two
  // runs' mean training losses differ by (lambda/2)||theta_0||^2 (002 L2386). theta_0: LeNet
  // after manual_seed(0), as the runner builds it. Tolerance: float32 losses of about 2.3 plus a
  // term of about 0.5, summed in float: 1e-5 absolute.
  torch::manual_seed(0);
  const auto model = ov::nets::torchzoo::make_model("lenet", ov::nets::torchzoo::ModelSpec::gray28(10));
  double sq = 0;
  for (const auto& p : model->parameters()) sq += p.to(torch::kDouble).square().sum().item<double>();
  const double lambda = 0.01;
  TrainingConfig c = small_config("sgd:lr=1e-12");
  c.epochs = 1;
  const double plain = run_training(c).runs[0].epochs[0].train_loss;
  c.weight_decay = lambda;
  const double decayed = run_training(c).runs[0].epochs[0].train_loss;
  EXPECT_NEAR(decayed - plain, lambda / 2 * sq, 1e-5);
  EXPECT_GT(lambda / 2 * sq, 1e-3);  // the term is large enough for the check to mean something
}

TEST(Trainer, AutoencoderUsesReconstructionLoss) {
  TrainingConfig c = small_config("adam:lr=0.001");
  c.model = "mnist_autoencoder";
  c.epochs = 1;
  const auto e = run_training(c).runs[0].epochs;
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(std::isnan(e[0].validation_accuracy));
  EXPECT_TRUE(std::isfinite(e[0].train_loss) && e[0].train_loss > 0);
  EXPECT_TRUE(std::isfinite(e[0].validation_loss));
  // A classifier has an accuracy.
  EXPECT_FALSE(std::isnan(run_training(small_config()).runs[0].epochs[0].validation_accuracy));
}

TEST(Trainer, DivergenceStopsTheSeed) {
  TrainingConfig c = small_config("sgd:lr=1e6");
  c.epochs = 3;
  const auto run = run_training(c).runs[0];
  EXPECT_TRUE(run.diverged);
  EXPECT_TRUE(contains(run.note, "non-finite")) << run.note;
  ASSERT_FALSE(run.epochs.empty());
  EXPECT_FALSE(std::isfinite(run.epochs.back().train_loss));
  EXPECT_FALSE(run_training(small_config("sgd:lr=0.05")).runs[0].diverged);
}

TEST(Trainer, CountsRefusedSteps) {
  // lr = 1e300: every update overflows float32, so every step is refused and the parameters
  // never move (the training loss stays finite: no divergence).
  const auto refused = run_training(small_config("sgd:lr=1e300")).runs[0];
  EXPECT_FALSE(refused.diverged);
  EXPECT_EQ(refused.epochs[0].refused_steps, 8);
  EXPECT_EQ(refused.epochs[1].refused_steps, 8);
  EXPECT_EQ(refused.epochs[0].validation_loss, refused.epochs[1].validation_loss);
  EXPECT_EQ(run_training(small_config()).runs[0].epochs[0].refused_steps, 0);
}

TEST(Trainer, ClosureRulesCountCallsAndRefuseResume) {
  if (!closure_rules_available()) GTEST_SKIP() << "rule: needs the full build";
  TempDir dir("rule");
  TrainingConfig c = small_config("rule:two_way_backtracking_gd:alpha=1/10000");
  c.epochs = 1;
  c.subset = 256;
  c.output_dir = dir.str();
  const auto e = run_training(c).runs[0].epochs;
  ASSERT_EQ(e.size(), 1u);
  // Every closure call runs backward: the trainer's count equals the optimizer's own, and a
  // line search needs more than one call per step on some of the 4 steps.
  EXPECT_EQ(e[0].gradient_evaluations, e[0].extra.at("rule_closure_calls").get<std::int64_t>());
  EXPECT_GT(e[0].gradient_evaluations, 4);
  EXPECT_TRUE(std::isfinite(e[0].train_loss));
  c.resume = true;
  c.epochs = 2;
  EXPECT_TRUE(contains(error_of<std::runtime_error>([&] { run_training(c); }), "closure rule"));
}

// rule_train: leaves the model in training mode during the rule's evaluations; rule: puts it in
// eval mode (000 Remark 4.1). With batch norm (lenet_elu_bn) the two train differently (batch
// statistics against the never-updated running statistics); without batch norm or dropout
// (lenet) they are the same computation, bitwise.
TEST(Trainer, RuleTrainKeepsTrainingMode) {
  if (!closure_rules_available()) GTEST_SKIP() << "rule_train: needs the full build";
  EXPECT_TRUE(parse_optimizer_spec("rule:step_tuned_sgd").rule_evaluation_mode);
  EXPECT_FALSE(parse_optimizer_spec("rule_train:step_tuned_sgd").rule_evaluation_mode);
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([] { parse_optimizer_spec("rule_train:"); }), "rule_train:"));
  auto run = [](const std::string& model, const std::string& optimizer) {
    TrainingConfig c = small_config(optimizer);
    c.model = model;
    c.epochs = 1;
    c.subset = 256;
    return run_training(c).runs[0];
  };
  EXPECT_TRUE(same_records(run("lenet", "rule:step_tuned_sgd"), run("lenet", "rule_train:step_tuned_sgd")));
  EXPECT_FALSE(same_records(run("lenet_elu_bn", "rule:step_tuned_sgd"), run("lenet_elu_bn", "rule_train:step_tuned_sgd")));
}

TEST(Trainer, WritesLogsAndResumesBitwise) {
  for (const std::string optimizer : {"sgd:lr=0.05,momentum=0.9", "mbt_mmt:batches=2,alpha=0.5"}) {
    SCOPED_TRACE(optimizer);
    TempDir full("full"), cut("cut");
    TrainingConfig c = small_config(optimizer);
    c.epochs = 3;
    c.seeds = {0, 1};
    c.subset = 256;
    c.test_subset = 128;
    c.output_dir = full.str();
    const TrainingResult a = run_training(c);
    EXPECT_TRUE(fs::exists(full.path / "config.json"));
    std::ifstream csv(full.path / "seed-1" / "epochs.csv");
    std::size_t lines = 0;
    for (std::string line; std::getline(csv, line);) ++lines;
    EXPECT_EQ(lines, a.runs[1].epochs.size() + 1);
    EXPECT_EQ(a.runs[1].epochs.size(), 3u);
    // Interrupted after epoch 1 of seed 1, then resumed.
    c.output_dir = cut.str();
    TrainingCallbacks stop;
    stop.epoch_end = [](std::uint64_t seed, const EpochRecord& r) {
      if (seed == 1 && r.epoch == 1) throw std::runtime_error("interrupted");
    };
    EXPECT_EQ(error_of<std::runtime_error>([&] { run_training(c, stop); }), "interrupted");
    c.resume = true;
    std::vector<std::string> notes;
    TrainingCallbacks log;
    log.log = [&](const std::string& s) { notes.push_back(s); };
    const TrainingResult b = run_training(c, log);
    ASSERT_EQ(b.runs.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) EXPECT_TRUE(same_records(a.runs[i], b.runs[i])) << "seed index " << i;
    for (const char* s : {"seed-0", "seed-1"})
      EXPECT_TRUE(same_tensors(checkpoint_parameters((full.path / s).string()), checkpoint_parameters((cut.path / s).string())))
          << s;
    // The comparisons catch a different run.
    EXPECT_FALSE(same_tensors(checkpoint_parameters((full.path / "seed-0").string()),
                              checkpoint_parameters((full.path / "seed-1").string())));
    bool skipped = false, resumed = false;
    for (const auto& n : notes) {
      skipped = skipped || (contains(n, "seed 0") && contains(n, "skipped"));
      resumed = resumed || (contains(n, "seed 1") && contains(n, "after epoch 1"));
    }
    EXPECT_TRUE(skipped && resumed);
  }
}

TEST(Trainer, RefusesWrongResumeAndCorruptCheckpoints) {
  TempDir dir("refuse");
  TrainingConfig c = small_config();
  c.epochs = 1;
  c.output_dir = dir.str();
  run_training(c);
  // Without resume the directory is not overwritten.
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([&] { run_training(c); }), "already holds a run"));
  c.resume = true;
  TrainingConfig other = c;
  other.optimizer = "sgd:lr=0.1";
  const std::string differs = error_of<std::invalid_argument>([&] { run_training(other); });
  EXPECT_TRUE(contains(differs, "optimizer") && contains(differs, "only epochs")) << differs;
  // More epochs are fine; then the checkpoint file is cut short.
  c.epochs = 2;
  EXPECT_EQ(run_training(c).runs[0].epochs.size(), 2u);
  const auto m = read_checkpoint_manifest(dir.str() + "/seed-0");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->epoch, 2);
  const fs::path pt = dir.path / "seed-0" / m->tensor_file;
  int pt_files = 0;  // the older checkpoint-e1.pt was removed
  for (const auto& f : fs::directory_iterator(dir.path / "seed-0")) pt_files += f.path().extension() == ".pt";
  EXPECT_EQ(pt_files, 1);
  fs::resize_file(pt, fs::file_size(pt) / 2);
  c.epochs = 3;
  const std::string cut = error_of<std::runtime_error>([&] { run_training(c); });
  EXPECT_TRUE(contains(cut, pt.string()) && contains(cut, "truncated")) << cut;
}

// A CIFAR-10 directory of random images (binary format: label byte + 3072 pixel bytes),
// `per_file` images in each of data_batch_1..5.bin and test_batch.bin.
void write_fake_cifar10(const fs::path& dir, int per_file) {
  fs::create_directories(dir);
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned char>(state >> 56);
  };
  std::vector<std::string> files{"test_batch.bin"};
  for (int k = 1; k <= 5; ++k) files.push_back("data_batch_" + std::to_string(k) + ".bin");
  for (const auto& f : files) {
    std::ofstream out(dir / f, std::ios::binary);
    for (int i = 0; i < per_file; ++i) {
      out.put(static_cast<char>(next() % 10));
      for (int b = 0; b < 3072; ++b) out.put(static_cast<char>(next()));
    }
  }
}

TEST(Trainer, CifarWithAugmentationIsReproducible) {
  TempDir dir("cifar");
  write_fake_cifar10(dir.path, 20);
  TrainingConfig c = small_config("sgd:lr=0.01");
  c.dataset = "cifar10";
  c.data_dir = dir.str();
  c.subset = 0;
  c.test_subset = 0;
  c.batch_size = 25;
  c.epochs = 1;
  c.augment = true;
  const auto a = run_training(c), b = run_training(c);
  ASSERT_EQ(a.runs[0].epochs.size(), 1u);
  EXPECT_EQ(a.runs[0].epochs[0].gradient_evaluations, 4);  // 100 samples, batch 25
  EXPECT_TRUE(same_records(a.runs[0], b.runs[0]));
  c.augment = false;  // the augmentation changes what is trained on
  EXPECT_FALSE(same_records(a.runs[0], run_training(c).runs[0]));
  TrainingConfig gray = small_config();
  gray.augment = true;
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([&] { run_training(gray); }), "augment"));
}

TEST(Trainer, MissingDatasetNamesThePackage) {
  TrainingConfig c = small_config();
  c.data_dir = "/nonexistent-ov-data";
  const std::string e = error_of<ov::nets::data::DataFileError>([&] { run_training(c); });
  EXPECT_TRUE(contains(e, "/nonexistent-ov-data") && contains(e, "dataset-fashion-mnist")) << e;
  TrainingConfig model = small_config();
  model.model = "lenet5";
  EXPECT_TRUE(contains(error_of<std::invalid_argument>([&] { run_training(model); }), "resnet"));
}

}  // namespace
}  // namespace ov::gpu::train
