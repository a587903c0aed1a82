# Gumbel-Softmax Explorer. The targets are short names for the scripts in scripts/, which do the
# work and install what they need (`build` runs two of them; `clean` only deletes build output).
.PHONY: help setup build serve test check dist bench clean

help:
	@echo "make serve   build the site and serve it at http://127.0.0.1:8000/ (PORT=... to change)"
	@echo "make test    format, lint, native + browser tests, site build (exactly what CI runs)"
	@echo "make check   same as make test"
	@echo "make dist    self-contained static site in dist/, for any static host or sub-path"
	@echo "make bench   kernels native vs wasm, redraw timings, NumPy + Matplotlib peer, bundle sizes"
	@echo "             (builds its own wasm with the bench feature into target/bench/pkg)"
	@echo "make soak    a 10-minute lecture: annealing + random slider moves; memory, errors, responsiveness (SOAK_MINUTES=...)"
	@echo "make setup   install the tools only (wasm32 target, wasm-bindgen CLI, Chromium, npm packages)"
	@echo "make build   build the wasm and its bindings into www/pkg"

setup:
	scripts/setup.sh test

build:
	scripts/setup.sh web
	scripts/build-web.sh

serve:
	scripts/serve.sh

test:
	scripts/test.sh

check: test

dist:
	scripts/dist.sh

bench:
	@scripts/bench.sh

.PHONY: soak
soak:
	@scripts/soak.sh

clean:
	rm -rf www/pkg dist target/screenshots
