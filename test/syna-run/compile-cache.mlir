// The compile cache (docs/tools.md, "Compile cache"): a second run of the
// same module with the same options links the stored object instead of
// compiling; another option is another entry; a damaged entry is detected,
// removed and compiled again; --no-cache neither reads nor writes; runs at
// the same time leave one whole entry; a cache that cannot be written costs
// a warning, not the run.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env XDG_CACHE_HOME=%t/c syna-run run %s -i "[[0.5, -2.0]]" --timing > %t/cold.txt 2>&1
// RUN: FileCheck %s --check-prefix=COMPILED < %t/cold.txt
// RUN: ls %t/c/syna | count 1
// RUN: env XDG_CACHE_HOME=%t/c syna-run run %s -i "[[0.5, -2.0]]" --timing > %t/warm.txt 2>&1
// RUN: FileCheck %s --check-prefix=LINKED < %t/warm.txt
// RUN: not grep -q "lowering" %t/warm.txt
// RUN: grep -A2 "result 0" %t/cold.txt > %t/cold-result.txt
// RUN: grep -A2 "result 0" %t/warm.txt | diff %t/cold-result.txt -
// COMPILED-DAG: compile cache lookup
// COMPILED-DAG: lowering (syna-cpu-pipeline)
// COMPILED-DAG: LLVM translation, optimization and code generation
// LINKED-DAG: compile cache lookup
// LINKED-DAG: linking the object (JIT)
//
// Another option, another entry.
// RUN: env XDG_CACHE_HOME=%t/c syna-run run %s -i "[[0.5, -2.0]]" --no-fuse --quiet
// RUN: ls %t/c/syna | count 2
//
// A truncated entry and one with a flipped byte are compiled again, with
// the same results, and replaced by whole entries.
// RUN: %python -c "import glob, os; [os.truncate(p, os.path.getsize(p) // 2) for p in glob.glob('%t/c/syna/*')]"
// RUN: env XDG_CACHE_HOME=%t/c syna-run run %s -i "[[0.5, -2.0]]" --timing > %t/truncated.txt 2>&1
// RUN: FileCheck %s --check-prefix=COMPILED < %t/truncated.txt
// RUN: grep -A2 "result 0" %t/truncated.txt | diff %t/cold-result.txt -
// RUN: %python -c "import glob; p = sorted(glob.glob('%t/c/syna/*'), key=lambda p: -__import__('os').path.getmtime(p))[0]; b = bytearray(open(p, 'rb').read()); b[-100] ^= 1; open(p, 'wb').write(b)"
// RUN: env XDG_CACHE_HOME=%t/c syna-run run %s -i "[[0.5, -2.0]]" --timing > %t/flipped.txt 2>&1
// RUN: FileCheck %s --check-prefix=COMPILED < %t/flipped.txt
// RUN: env XDG_CACHE_HOME=%t/c syna-run run %s -i "[[0.5, -2.0]]" --timing 2>&1 | FileCheck %s --check-prefix=LINKED
//
// --no-cache: no entry read or written.
// RUN: env XDG_CACHE_HOME=%t/none syna-run run %s -i "[[0.5, -2.0]]" --no-cache --quiet
// RUN: not ls %t/none
//
// Without XDG_CACHE_HOME the cache is ~/.cache/syna.
// RUN: env -u XDG_CACHE_HOME HOME=%t/home syna-run run %s -i "[[0.5, -2.0]]" --quiet
// RUN: ls %t/home/.cache/syna | count 1
//
// Four runs at once on an empty cache: all succeed, one whole entry, no
// temporary left behind.
// RUN: env XDG_CACHE_HOME=%t/p sh -c 'for i in 1 2 3 4; do syna-run run %s -i "[[0.5, -2.0]]" --quiet & pids="$pids $!"; done; for p in $pids; do wait $p || exit 1; done' 
// RUN: ls %t/p/syna | count 1
// RUN: env XDG_CACHE_HOME=%t/p syna-run run %s -i "[[0.5, -2.0]]" --timing 2>&1 | FileCheck %s --check-prefix=LINKED
//
// A cache directory that cannot be created: a warning, and the run goes on.
// RUN: touch %t/blocked
// RUN: env XDG_CACHE_HOME=%t/blocked syna-run run %s -i "[[0.5, -2.0]]" 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: syna: warning: compile cache {{.*}}blocked/syna: cannot create the directory: Not a directory
// UNWRITABLE: result 0: 1x2 float32
func.func @scale(%x: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %y = syna.relu %x : tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
