# SwiftLearn: the two set-up commands are `make demo` and `make test`.
# Both install the system libraries when missing (apt-get; sudo when not root), then build.

SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
SOURCES := Sources Tests

.PHONY: demo test deps build lint format docs bench fixtures clean

## Install OpenBLAS and LAPACKE headers/libraries if they are missing (Debian/Ubuntu).
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else \
	  echo "System libraries present: $(APT_PACKAGES)"; \
	fi

## Build the library and the demo (debug).
build: deps
	$(SWIFT) build

## Run the end-to-end demo.
demo: deps
	$(SWIFT) run swiftlearn-demo

## Lint formatting strictly, then run every test.
test: deps lint
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive $(SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SOURCES)

## Build the DocC documentation of every module (needs swift-docc-plugin, a package dependency).
docs: deps
	$(SWIFT) package --disable-sandbox generate-documentation --warnings-as-errors \
	  --target SwiftLearn --target LinearAlgebra --target SwiftLearnCore --target Preprocessing \
	  --target Pipeline --target Estimators --target Metrics --target ModelSelection \
	  --target Datasets --target DataFrame

## Time SwiftLearn against scikit-learn/numpy on the same data; writes Docs/Benchmarks.md.
bench: deps
	python3 Benchmarks/compare.py

## Regenerate the committed parity fixtures (needs: pip install scikit-learn numpy scipy).
fixtures:
	python3 Tests/Fixtures/generate.py

clean:
	rm -rf .build Benchmarks/.build
