#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace quire::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A program (the quire binary unless told otherwise) started in `cwd` with
// `args`, its output going to files in `cwd`. Extra environment entries
// ("NAME=value") are added to the test's own.
class Process {
 public:
  Process(const std::filesystem::path& cwd, const std::vector<std::string>& args,
          const std::vector<std::string>& env = {}, const std::string& program = QUIRE_BINARY)
      : out_(cwd / ".stdout"), err_(cwd / ".stderr") {
    std::vector<std::string> argv_storage = {program};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (char** e = environ; *e; ++e) {
      std::string entry = *e;
      // The tests decide these for themselves.
      if (entry.starts_with("QUIRE_ADMIN_PASSWORD=") || entry.starts_with("QUIRE_SITES_DIR=")) {
        continue;
      }
      env_storage.push_back(entry);
    }
    env_storage.insert(env_storage.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    // posix_spawn has no chdir action before glibc 2.29's _np form; Debian 12 has it.
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + program);
  }

  ~Process() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  // Waits for the process to end; returns its exit code (128+N for signal N).
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  void signal(int number) { kill(pid_, number); }

  std::string out() const { return read_file(out_); }
  std::string err() const { return read_file(err_); }

  // Waits until standard error contains `text` (or the process ends), for at
  // most 30 s; returns whether it appeared.
  bool wait_for_err(const std::string& text) {
    for (int i = 0; i < 3000; ++i) {
      if (err().find(text) != std::string::npos) return true;
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return err().find(text) != std::string::npos;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private:
  std::filesystem::path out_;
  std::filesystem::path err_;
  pid_t pid_ = -1;
};

struct Result {
  int code;
  std::string out;
  std::string err;
};

inline Result run_quire(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                        const std::vector<std::string>& env = {}) {
  Process process(cwd, args, env);
  int code = process.wait();
  return {code, process.out(), process.err()};
}

}  // namespace quire::testing
