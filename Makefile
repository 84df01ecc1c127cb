# The two commands a newcomer needs: `make run` and `make test`.
# Everything else here is for developers.

BUILD_DIR   ?= build
BUILD_TYPE  ?= Release
JOBS        ?= 2
SITE        ?= localhost
HOST        ?= 127.0.0.1
PORT        ?= 8000
QUIRE       := $(BUILD_DIR)/src/cli/quire

.PHONY: all deps configure build run test test-asan bench bench-scripts fuzz fuzz-diff format clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Builds only the binary (not the tests), creates the demo site on first run
# (printing its Administrator password once), then serves it.
run: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target quire
	@bash scripts/run-demo.sh "$(QUIRE)" "$(SITE)" "$(HOST)" "$(PORT)"

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer and UBSan, in its own build folder.
test-asan: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DQUIRE_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: build
	@bash bench/run.sh "$(QUIRE)"

# The server-script bench alone (issue 7; docs/PERFORMANCE.md "Server
# scripts"): builds only the binary. Its knobs (PAIRS, TODO_ROUND, ...) are
# environment variables, listed at the top of bench/scripts/run.sh.
bench-scripts: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target quire
	@bash bench/scripts/run.sh "$(QUIRE)"

fuzz: deps
	@bash fuzz/run.sh

fuzz-diff: build
	@python3 tests/differential/generate.py --quire "$(QUIRE)" --long

format:
	@find src tests fuzz bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) build-asan build-fuzz
