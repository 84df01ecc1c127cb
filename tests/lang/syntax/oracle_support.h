#pragma once
// Helpers for tests that compare quire's syntax layer with CPython 3.11
// (the oracle scripts live in tests/lang/syntax/oracle/).

#include <string>
#include <vector>

namespace quire::lang::syntax::testing {

// Runs a command and returns its standard output (standard error discarded
// unless `keep_stderr`, in which case the command redirects it itself).
std::string run_command(const std::string& command, bool keep_stderr = false);

// The python3 interpreter to use as the oracle, resolved once (through
// sys.executable, which skips slow launcher shims such as pyenv's).
const std::string& python3();

// Absolute path of a file under tests/lang/syntax/.
std::string test_path(const std::string& relative);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& contents);

// Sorted paths of the *.py files in a folder.
std::vector<std::string> python_files(const std::string& folder);

// A scratch file path unique to this process.
std::string temp_path(const std::string& name);

}  // namespace quire::lang::syntax::testing
