# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "SYNA"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".syna", ".test"]
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.syna_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%syna_src_root", config.syna_src_root))
config.substitutions.append(("%syna_obj_root", config.syna_obj_root))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

# The compile cache of the tests is the build's own, never the user's: a
# test's second compile of a module links the cached object
# (docs/tools.md, "Compile cache").
config.environment["XDG_CACHE_HOME"] = os.path.join(config.syna_obj_root, "test", "compile-cache")

# Fail FileCheck on a variable used outside its CHECK-LABEL block.
config.environment["FILECHECK_OPTS"] = "-enable-var-scope --allow-unused-prefixes=false"

llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
tool_dirs = [config.syna_tools_dir, config.llvm_tools_dir]
tools = ["syna-opt", "syna-fuzz-replay", "syna-fuzz-pipeline-replay",
         ToolSubst("mlir-tblgen", unresolved="ignore")]
tools += ["syna-fuzz-%s-replay" % reader for reader in ("safetensors", "npy", "literal", "idx")]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# syna-run, and a Python with NumPy for the float64 references of the
# numeric tests (feature `numpy`; CI installs python3-numpy).
llvm_config.add_tool_substitutions(["syna-run", "syna-compile"], tool_dirs)
import shutil
import subprocess

def _python_with_numpy():
    candidates = [os.environ.get("SYNA_TEST_PYTHON"), "/usr/bin/python3",
                  shutil.which("python3"), getattr(config, "python_executable", None)]
    for py in candidates:
        if not py or not os.path.exists(py):
            continue
        try:
            subprocess.run([py, "-c", "import numpy"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return py
        except Exception:
            pass
    return None

_py = _python_with_numpy()
if _py:
    config.available_features.add("numpy")
    config.substitutions.append(("%python", _py))
else:
    config.substitutions.append(("%python", "python3"))
config.substitutions.append(("%syna_run", os.path.join(config.syna_tools_dir, "syna-run")))

# syna-compile's libraries are linked into C programs: by this host's C
# compiler (%cc) and, for 64-bit ARM, by the cross compiler, run under qemu
# (feature `aarch64-cross`; tools/setup.sh installs both). CMake builds the
# deploy example (examples/deploy).
config.substitutions.append(("%cc", shutil.which("cc") or "cc"))
config.substitutions.append(("%cmake", shutil.which("cmake") or "cmake"))
# LLVM's libomp, which a library of `syna-compile --threads openmp` needs.
config.substitutions.append(("%libomp_dir", os.path.dirname(config.syna_libomp)))
if shutil.which("aarch64-linux-gnu-gcc") and shutil.which("qemu-aarch64"):
    config.available_features.add("aarch64-cross")
# syna-run explain draws the model's graph with Graphviz's dot.
if shutil.which("dot"):
    config.available_features.add("graphviz")
# In sanitizer builds a report must fail the test even under `not`, which
# accepts any non-zero exit: make the sanitizers abort instead.
# libMLIR.so is not instrumented, but LLVM's BumpPtrAllocator poisons fresh
# slabs from inline code compiled into our instrumented objects; libMLIR's own
# copy then hands out that memory without unpoisoning it, a false
# use-after-poison. allow_user_poisoning=0 ignores such manual poisoning and
# keeps every other check.
for var, value in [
    ("ASAN_OPTIONS", "abort_on_error=1:allow_user_poisoning=0"),
    ("UBSAN_OPTIONS", "halt_on_error=1:abort_on_error=1:print_stacktrace=1"),
]:
    existing = config.environment.get(var)
    config.environment[var] = existing + ":" + value if existing else value

# A 64-element vector of 0.5, for examples that take one.
config.substitutions.append(("%{half64}", "[" + ", ".join(["0.5"] * 64) + "]"))
