# `make` builds the course; `make test` runs every test. Both install missing
# Debian packages first (scripts/install-deps.sh), so a fresh machine needs nothing else.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
LESSONS_DIR ?= lessons
OUTPUT_DIR ?= output
# Compile for this machine's CPU (AVX2 on a recent x86-64, not only the SSE2 every x86-64 has):
# W3 trains 1.5x faster. Results are the same bits either way, since Swift never fuses a
# multiply and an add, and the one FMA we write computes an exact error (README, "The same
# numbers on every machine"). `make CPU_FLAGS=` builds
# for the baseline CPU, e.g. for a binary to copy to other machines.
CPU_FLAGS ?= -Xswiftc -target-cpu -Xswiftc native $(FMA_FLAG)
# When this CPU has FMA instructions, tanh and sigmoid find a product's exact error with one
# (DoubleDouble.twoProduct); the same bits as without.
FMA_FLAG := $(shell grep -qw fma /proc/cpuinfo 2>/dev/null && echo -Xswiftc -DFUSED_MULTIPLY_ADD)

.PHONY: all deps test-deps build course test bench fuzz clean

all: course

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

# The tool links Swift's runtime and Foundation into itself: a build of one lesson is a fraction
# of a second, of which loading and binding a dozen shared Swift libraries took a tenth. Linked
# by the toolchain's lld, which links faster than gold and does not repeat glibc's warning about
# a `mktemp` inside Foundation that we never call.
LINK_FLAGS ?= --static-swift-stdlib -Xswiftc -use-ld=lld

build: deps
	$(SWIFT) build -c release --product lessons $(CPU_FLAGS) $(LINK_FLAGS)

course: build
	$$($(SWIFT) build -c release --show-bin-path)/lessons build $(LESSONS_DIR) --output $(OUTPUT_DIR)

# Tests run optimised: the suite builds the course (training every model) and feeds the tool
# hostile inputs of many megabytes, which an unoptimised build does several times slower.
# `-enable-testing` keeps `@testable import` working; the build folder of its own keeps
# `make` and `make test` from rebuilding each other's products.
TEST_FLAGS = -c release -Xswiftc -enable-testing --scratch-path .build-test $(CPU_FLAGS)

test: test-deps
	$(SWIFT) build --build-tests $(TEST_FLAGS)
	$(SWIFT) test --skip-build $(TEST_FLAGS)

# Benchmarks print their figures and ratios against peers measured in the same run:
# LessonsBench (our own benchmarks), then benchmarks/run.py, which times our engine, NumPy,
# PyTorch and JAX alternately on W1, W3, W5 and W6 (peers in .venv-bench, made on first use by
# benchmarks/setup-venv.sh), then the build system on a temporary copy of the course: the whole
# course cold (--no-cache), rebuilt with no change and after a one-sentence prose edit, and the
# XOR lesson alone, beside the seed's NumPy program as a whole process (the page-path goal);
# and, for reference, `jupyter nbconvert --to html --execute` of the same XOR model as a
# notebook (benchmarks/notebooks/xor.ipynb); it writes benchmarks/results.json.
# (`python3 benchmarks/run.py --only-build-system` times the build system and notebook only.)
# A missed goal is reported, not fatal: the exit code is non-zero only when a benchmark fails.
bench: deps
	$(SWIFT) build -c release --product LessonsBench $(CPU_FLAGS) $(LINK_FLAGS)
	$(SWIFT) build -c release --product lessons $(CPU_FLAGS) $(LINK_FLAGS)
	@bin=$$($(SWIFT) build -c release --show-bin-path); status=0; \
	"$$bin/LessonsBench" || status=$$?; \
	benchmarks/setup-venv.sh; \
	python3 benchmarks/run.py --bench "$$bin/LessonsBench" --lessons "$$bin/lessons" || status=$$?; \
	exit $$status

# Bounded-time fuzzing of the lesson parser, graph and model blocks, the TeX converter and the
# CLI's path handling (FUZZ_SECONDS per target, default 60; FUZZ_SEED repeats a run). Not part of `make test`.
# A crash or hang fails this target; the input it was running is kept in .build/fuzz/.
fuzz: deps
	$(SWIFT) build -c release --product LessonsFuzz $(CPU_FLAGS)
	@$$($(SWIFT) build -c release --show-bin-path)/LessonsFuzz || { \
		echo "make fuzz: failed; the input being run is in .build/fuzz/<target>.last," \
		     "violations in .build/fuzz/*-violation-*.bin (replay: LessonsFuzz replay <target> <file>)" >&2; exit 1; }

clean:
	rm -rf .build .build-test $(OUTPUT_DIR)
