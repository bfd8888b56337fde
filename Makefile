# keyfig: one GNU Makefile, no autotools.
#   make            build ./keyfig, libkeyfig.a and libkeyfig.so.0
#                   (src/deps.sh build: installs missing Debian build packages, or says which)
#   make results    extract, chart and report the seed articles into results/
#   make test       run every test, then again under the sanitizers (prints "N passed, N failed" last)
#   make check      the test suite under AddressSanitizer + UndefinedBehaviorSanitizer (GCC), then
#                   under clang's UndefinedBehaviorSanitizer
#   make bench      the speed/memory benchmark (results/bench.md)
#   make fuzz       each libFuzzer target for FUZZ_SECONDS (default 60; needs clang)
#   make install    PREFIX=/usr/local DESTDIR= (program, libraries, keyfig.pc, header, data, man page)
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
DATADIR = $(PREFIX)/share/keyfig
MANDIR = $(PREFIX)/share/man/man1

BUILD ?= build
# the pkg-config modules the library links (keyfig.pc's Requires.private too), then the
# program's own (the database commands)
# (OpenCC is used at build time only: build/t2s_gen makes the traditional->simplified table.
# libxml2, poppler-glib and libpq are compiled against but not linked: src/html_lazy.c, src/pdf_lazy.c
# and src/cli/pg_lazy.c load them on first use, which keeps their 70-odd shared libraries out of every
# start-up.)
LIB_PKGS = libpcre2-8 jansson libutf8proc
LAZY_PKGS = libxml-2.0 poppler-glib libpq
PKGS = $(LIB_PKGS) sqlite3
LIB_LDLIBS = $(shell $(PKG_CONFIG) --libs $(LIB_PKGS) 2>/dev/null) -lm -pthread -ldl
LIB_SONAME_OF = $(shell objdump -p $(shell $(PKG_CONFIG) --variable=libdir $(1) 2>/dev/null)/$(2) 2>/dev/null | sed -n 's/ *SONAME *//p')
POPPLER_GLIB_SONAME := $(call LIB_SONAME_OF,poppler-glib,libpoppler-glib.so)
LIBXML2_SONAME := $(call LIB_SONAME_OF,libxml-2.0,libxml2.so)
LIBPQ_SONAME := $(call LIB_SONAME_OF,libpq,libpq.so)
VERSION := $(shell sed -n 's/^\#define KEYFIG_VERSION "\(.*\)"/\1/p' include/keyfig.h)
SOMAJOR = 0
LD ?= ld
OBJCOPY ?= objcopy
CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -MMD -MP -pthread
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc $(shell $(PKG_CONFIG) --cflags $(PKGS) $(LAZY_PKGS) 2>/dev/null)
CPPFLAGS += $(if $(POPPLER_GLIB_SONAME),-DPOPPLER_GLIB_SONAME='"$(POPPLER_GLIB_SONAME)"') $(if $(LIBPQ_SONAME),-DLIBPQ_SONAME='"$(LIBPQ_SONAME)"')
CPPFLAGS += $(if $(LIBXML2_SONAME),-DLIBXML2_SONAME='"$(LIBXML2_SONAME)"')
LDLIBS += $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm -pthread -ldl

# The stage timer of make bench (src/stagetime.h): a separate build, BUILD=build/stages STAGE_TIMES=1.
ifdef STAGE_TIMES
CFLAGS += -DKEYFIG_STAGE_TIMES
endif
# float-cast-overflow: GCC leaves it out of "undefined", and a double from JSON anybody wrote
# can be cast to int or size_t.
ifdef SAN
CFLAGS += -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined,float-cast-overflow
endif
# The libFuzzer build of make fuzz (tests/fuzz/run.sh): make BUILD=build/fuzz CC=clang FUZZ=1
# build/fuzz/libfuzzer/fuzz_TARGET. The same sources, flags and libraries as every other build.
ifdef FUZZ
CFLAGS += -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif
# The clang pass of make check: clang's UndefinedBehaviorSanitizer has checks GCC's lacks.
ifdef UBSAN
CFLAGS += -fsanitize=undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=undefined,float-cast-overflow
endif

LIB_SRC = $(wildcard src/*.c)
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/embedded.o $(BUILD)/poslex_blob.o $(BUILD)/t2s_blob.o
# jieba's dictionary (Debian python3-jieba), turned into the table src/poslex.c reads
JIEBA_DICT ?= /usr/lib/python3/dist-packages/jieba/dict.txt
CLI_SRC = $(wildcard src/cli/*.c)
CLI_OBJ = $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o)
DATA_FILES = $(wildcard patterns/*.tsv patterns/*.rules plots/*.tsv plots/*.gp plots/*.html plots/*.js plots/*.css plots/*.txt sql/*.sql)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Each libFuzzer target also built with a main() that replays files, so the normal and sanitizer
# builds run every target's seeds and regressions (tests/fuzz.t); make fuzz builds the real ones.
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/replay/%)
CLI_MODULES = $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ))

ifeq ($(BUILD),build)
KEYFIG = keyfig
LIBDIR_OUT = .
else
KEYFIG = $(BUILD)/keyfig
LIBDIR_OUT = $(BUILD)
endif
LIBKEYFIG = $(LIBDIR_OUT)/libkeyfig.a
SONAME = libkeyfig.so.$(SOMAJOR)
LIBKEYFIG_SO = $(LIBDIR_OUT)/libkeyfig.so.$(VERSION)
LIBS_OUT = $(LIBKEYFIG) $(LIBKEYFIG_SO) $(LIBDIR_OUT)/$(SONAME) $(LIBDIR_OUT)/libkeyfig.so

.PHONY: all binaries libs deps results test check bench install uninstall clean fuzz
# deps first, then a fresh make so pkg-config sees the libraries it may just have installed.
all: deps
	@$(MAKE) --no-print-directory binaries libs

binaries: $(KEYFIG) $(UNIT_BIN) $(FUZZ_REPLAY)
libs: $(LIBS_OUT)

# Check for the Debian packages the build needs and install the missing ones (or say which).
deps:
	@sh src/deps.sh build

# Library objects are position-independent: the same objects make libkeyfig.a and libkeyfig.so.
$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/cli/%.o: src/cli/%.c | $(BUILD)
	@mkdir -p $(BUILD)/cli
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/embedded.c: $(DATA_FILES) src/embed.sh | $(BUILD)
	sh src/embed.sh $@ $(DATA_FILES)

$(BUILD)/poslex_gen: src/tools/poslex_gen.c src/util.h | $(BUILD)
	$(CC) -O2 -Iinclude -Isrc -o $@ $< -lm

$(BUILD)/poslex.bin: $(BUILD)/poslex_gen $(JIEBA_DICT)
	$(BUILD)/poslex_gen $(JIEBA_DICT) $@.tmp && mv $@.tmp $@

# The table goes into the library as read-only data, by the assembler's .incbin (no 7 MB C array).
$(BUILD)/poslex_blob.o: $(BUILD)/poslex.bin
	printf '\t.section .rodata\n\t.balign 8\n\t.globl poslex_blob\n\t.globl poslex_blob_end\nposlex_blob:\n\t.incbin "%s"\nposlex_blob_end:\n\t.section .note.GNU-stack,"",@progbits\n' $< > $(BUILD)/poslex_blob.s
	$(CC) -c -o $@ $(BUILD)/poslex_blob.s

# The traditional->simplified table of src/text.c, from OpenCC's t2s data (once, not at every start-up).
$(BUILD)/t2s_gen: src/tools/t2s_gen.c src/util.c src/util.h | $(BUILD)
	$(CC) -O2 $(CPPFLAGS) $(shell $(PKG_CONFIG) --cflags opencc 2>/dev/null) -o $@ $< src/util.c $(shell $(PKG_CONFIG) --libs opencc 2>/dev/null)

$(BUILD)/t2s.bin: $(BUILD)/t2s_gen patterns/chars.tsv
	$(BUILD)/t2s_gen patterns/chars.tsv $@.tmp && mv $@.tmp $@

$(BUILD)/t2s_blob.o: $(BUILD)/t2s.bin
	printf '\t.section .rodata\n\t.balign 8\n\t.globl t2s_blob\n\t.globl t2s_blob_end\nt2s_blob:\n\t.incbin "%s"\nt2s_blob_end:\n\t.section .note.GNU-stack,"",@progbits\n' $< > $(BUILD)/t2s_blob.s
	$(CC) -c -o $@ $(BUILD)/t2s_blob.s

$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -Wno-overlength-strings -c -o $@ $<

# The library as one relocatable object whose only global definitions are the keyfig_ API:
# xmalloc, json_write and the other internals become local, so a program that embeds libkeyfig
# may define its own (tests/symbols.t checks with nm).
$(BUILD)/libkeyfig.o: $(LIB_OBJ)
	$(LD) -r -o $@ $^
	$(OBJCOPY) --wildcard --keep-global-symbol='keyfig_*' $@

$(LIBKEYFIG): $(BUILD)/libkeyfig.o
	rm -f $@
	$(AR) rcs $@ $^

$(LIBKEYFIG_SO): $(BUILD)/libkeyfig.o src/libkeyfig.map
	$(CC) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=src/libkeyfig.map -Wl,--no-undefined \
	  -o $@ $(BUILD)/libkeyfig.o $(LIB_LDLIBS)

$(LIBDIR_OUT)/$(SONAME) $(LIBDIR_OUT)/libkeyfig.so: $(LIBKEYFIG_SO)
	ln -sf $(notdir $(LIBKEYFIG_SO)) $@

# keyfig.pc is written by make install, with the PREFIX given there.
PC_SED = -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|' \
         -e 's|@VERSION@|$(VERSION)|; s|@PKGS@|$(LIB_PKGS)|'

# The program and the unit tests use internal functions too, so they link the objects themselves.
$(KEYFIG): $(CLI_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

# test_poslex checks the embedded table against the dictionary it was made from
$(BUILD)/tests/test_poslex: CPPFLAGS += -DJIEBA_DICT='"$(JIEBA_DICT)"'

# test_nomem makes the library's allocations fail one by one
$(BUILD)/tests/test_nomem: LDFLAGS += -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(CLI_MODULES) $(LIB_OBJ) | $(BUILD)
	@mkdir -p $(BUILD)/replay
	$(CC) $(CPPFLAGS) -Isrc/cli $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(CLI_MODULES) $(LIB_OBJ) $(LDLIBS)

# A libFuzzer target (FUZZ=1, CC=clang): the replay rule's objects, with libFuzzer's main().
$(BUILD)/libfuzzer/%: tests/fuzz/%.c $(CLI_MODULES) $(LIB_OBJ) | $(BUILD)
	@mkdir -p $(BUILD)/libfuzzer
	$(CC) $(CPPFLAGS) -Isrc/cli $(CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(CLI_MODULES) $(LIB_OBJ) $(LDLIBS)

$(BUILD):
	mkdir -p $(BUILD)

results: all
	@sh src/deps.sh run
	sh tests/make_results.sh ./keyfig

# The plain build's tests, then the same suite under the sanitizers: CI runs both.
test: all
	@sh src/deps.sh run test
	sh tests/run.sh ./keyfig $(BUILD)
	$(MAKE) --no-print-directory check

check: deps
	@$(MAKE) --no-print-directory libs
	$(MAKE) BUILD=build/san SAN=1 binaries
	ASAN_OPTIONS=detect_leaks=1 KEYFIG_SANITIZED=1 sh tests/run.sh build/san/keyfig build/san
	@sh src/deps.sh build fuzz
	$(MAKE) BUILD=build/ubsan CC=clang UBSAN=1 binaries
	KEYFIG_SANITIZED=1 sh tests/run.sh build/ubsan/keyfig build/ubsan

# libFuzzer targets (clang, ASan + UBSan) in build/fuzz/, each run FUZZ_SECONDS (default 60).
fuzz:
	@sh src/deps.sh build fuzz
	sh tests/fuzz/run.sh

# make bench [BASE=commit]: BASE is built from git archive in build/bench/base-SHA and measured side by
# side; build/stages/keyfig is the same sources with the stage timer (results/bench.md's stage table).
bench: all
	@mkdir -p build/stages
	cp -p $(BUILD)/poslex.bin $(BUILD)/poslex_gen $(BUILD)/t2s.bin $(BUILD)/t2s_gen build/stages/
	$(MAKE) --no-print-directory BUILD=build/stages STAGE_TIMES=1 build/stages/keyfig
	BENCH_BASE=$(BASE) sh tests/bench/bench.sh ./keyfig build/stages/keyfig
	sh tests/bench/db.sh ./keyfig

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(DATADIR)/patterns $(DESTDIR)$(DATADIR)/plots $(DESTDIR)$(MANDIR)
	install -m 755 keyfig $(DESTDIR)$(BINDIR)/keyfig
	install -m 644 libkeyfig.a $(DESTDIR)$(LIBDIR)/libkeyfig.a
	install -m 755 $(notdir $(LIBKEYFIG_SO)) $(DESTDIR)$(LIBDIR)/$(notdir $(LIBKEYFIG_SO))
	ln -sf $(notdir $(LIBKEYFIG_SO)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libkeyfig.so
	sed $(PC_SED) src/keyfig.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/keyfig.pc
	install -m 644 include/keyfig.h $(DESTDIR)$(INCLUDEDIR)/keyfig.h
	install -m 644 patterns/* $(DESTDIR)$(DATADIR)/patterns/
	install -m 644 plots/* $(DESTDIR)$(DATADIR)/plots/
	install -m 644 src/keyfig.1 $(DESTDIR)$(MANDIR)/keyfig.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/keyfig $(DESTDIR)$(LIBDIR)/libkeyfig.a $(DESTDIR)$(LIBDIR)/libkeyfig.so* $(DESTDIR)$(PKGCONFIGDIR)/keyfig.pc
	rm -f $(DESTDIR)$(INCLUDEDIR)/keyfig.h $(DESTDIR)$(MANDIR)/keyfig.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build keyfig libkeyfig.a libkeyfig.so* tests/out

-include $(wildcard $(BUILD)/*.d $(BUILD)/cli/*.d $(BUILD)/replay/*.d $(BUILD)/libfuzzer/*.d)
