"""`make bench`, build-system part (imported by run.py): the whole shipped course built cold
(--no-cache), rebuilt with no change and after a prose edit, and the XOR lesson alone, with the
release `lessons` binary on a temporary copy of lessons/; the seed's NumPy program as a whole
process (the page-path goal: the XOR lesson alone 8x faster); and, for reference, `jupyter
nbconvert --to html --execute` of the same XOR model as a notebook. Standard library only."""

import os
import pathlib
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
# Seconds of quiet before each measurement (as in run.py).
PAUSE = 0.2


def fmt(x, spec):
    return format(x, spec) if isinstance(x, (int, float)) else "-"


# The goals for the course build, and the figure for one notebook page measured elsewhere.
GOAL_COLD = 2.0
GOAL_NO_CHANGE = 0.2
GOAL_NO_CHANGE_FRACTION = 0.10
NOTEBOOK_ELSEWHERE = 3.13
# The lesson whose prose the edit benchmark changes, and the notebook equivalent to its model.
EDITED_LESSON = "xor-from-scratch.md"
# What a lesson of the course may need besides itself (none of them is a lesson).
SUPPORT_FILES = ("course.yml", "bibliography.yml", "data", "images")
# The page-path goal: the XOR lesson built cold, as a whole process, this many times faster
# than the seed's NumPy program as a whole process (peers/seed_process.py).
GOAL_PAGE_PATH = 8.0
SEED_PROCESS = HERE / "peers/seed_process.py"
NOTEBOOK = HERE / "notebooks/xor.ipynb"


def settle():
    """Before each timed run: flush what earlier runs wrote (a build writes the whole site, over
    100 MB; its write-back would otherwise land in the next run's time) and pause a moment."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(PAUSE)


def timed(command):
    """Runs `command` after settle(); returns (wall seconds, CPU seconds (user + system) of the
    process and its children, the completed process). CPU time is less sensitive than wall time
    to other work on the machine."""
    settle()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, out


def run_build(binary, lessons, output, cache_dir=None, no_cache=False):
    """One `lessons build`, timed; returns (wall seconds, CPU seconds, everything it printed).
    Raises on failure."""
    command = [binary, "build", str(lessons), "--output", str(output)]
    if cache_dir:
        command += ["--cache-dir", str(cache_dir)]
    if no_cache:
        command.append("--no-cache")
    seconds, cpu, out = timed(command)
    if out.returncode != 0:
        raise RuntimeError("lessons build failed: " + (out.stderr.strip() or out.stdout.strip())[-500:])
    return seconds, cpu, (out.stdout + out.stderr).strip()


def timing(seconds, cpu, **extra):
    """The record kept for a measurement: every run's wall and CPU seconds, and their medians."""
    return dict({"seconds": seconds, "median": statistics.median(seconds),
                 "cpu_seconds": cpu, "cpu_median": statistics.median(cpu)}, **extra)


def cold_build(binary, lessons, work, runs):
    """`--no-cache` into a fresh output folder each time: every block runs, every file is written."""
    times, cpu = [], []
    for r in range(runs):
        seconds, used, printed = run_build(binary, lessons, work / ("cold-%d" % r), cache_dir=work / "cold-cache",
                                           no_cache=True)
        times.append(seconds)
        cpu.append(used)
        shutil.rmtree(work / ("cold-%d" % r), ignore_errors=True)
    return timing(times, cpu, printed=printed)


def no_change_rebuild(binary, lessons, output, cache, runs):
    """One untimed build fills the cache and the output folder; then timed rebuilds of the same
    input into that folder, with the warm cache."""
    run_build(binary, lessons, output, cache_dir=cache)
    site = [f for f in output.rglob("*") if f.is_file()]
    times, cpu = [], []
    for _ in range(runs):
        seconds, used, printed = run_build(binary, lessons, output, cache_dir=cache)
        times.append(seconds)
        cpu.append(used)
    return timing(times, cpu, printed=printed, output_files=len(site), output_bytes=sum(f.stat().st_size for f in site))


def edit_prose(text, number):
    """The lesson `text` with a sentence naming `number` appended to its last paragraph of prose
    (the last text line outside a code fence), so each edit differs from the source built just
    before; returns (new text, sentence)."""
    lines = text.split("\n")
    sentence = "This sentence was added by the benchmark, edit number %d." % number
    fenced, last = False, None
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.strip() and not line.lstrip().startswith(("#", "|", "$$", "<")):
            last = i
    if last is None:
        lines += ["", sentence]
    else:
        lines[last] = lines[last].rstrip() + " " + sentence
    return "\n".join(lines), sentence


def cache_entries(cache):
    """The cache's entries as {name: (size, mtime_ns)}: a block that runs stores an entry, one
    taken from the cache does not, so new or rewritten entries count the blocks that ran."""
    entries = {}
    for entry in pathlib.Path(cache).glob("*.entry"):
        info = entry.stat()
        entries[entry.name] = (info.st_size, info.st_mtime_ns)
    return entries


def blocks_run_printed(printed):
    """The count of blocks run from the tool's summary (`...; 2 blocks run, 40 from the cache)`), else None."""
    match = re.search(r"(\d+) blocks? (?:ran|re-?run|run)", printed) or re.search(r"ran (\d+) blocks?", printed)
    return int(match.group(1)) if match else None


def prose_edit_rebuild(binary, lessons, output, cache, runs):
    """Before each timed run, one sentence of one lesson's prose changes (a different one every
    run); the rebuild goes into the existing output folder with the warm cache. No block should
    run again: the cache folder tells (new entries), and the tool's summary if it prints a count."""
    lesson = lessons / EDITED_LESSON
    original = lesson.read_text(encoding="utf-8")
    times, cpu, ran_by_cache, ran_printed, seen = [], [], [], [], []
    for r in range(runs):
        text, sentence = edit_prose(original, r + 1)
        lesson.write_text(text, encoding="utf-8")
        before = cache_entries(cache)
        seconds, used, printed = run_build(binary, lessons, output, cache_dir=cache)
        times.append(seconds)
        cpu.append(used)
        after = cache_entries(cache)
        ran_by_cache.append(sum(1 for name, stamp in after.items() if before.get(name) != stamp))
        ran_printed.append(blocks_run_printed(printed))
        seen.append(any(sentence in page.read_text(encoding="utf-8", errors="replace")
                        for page in output.rglob("*.html")))
    lesson.write_text(original, encoding="utf-8")
    return timing(times, cpu, printed=printed, lesson=EDITED_LESSON,
                  blocks_run_per_cache=ran_by_cache, no_block_rerun=not any(ran_by_cache),
                  blocks_run_printed=ran_printed if any(n is not None for n in ran_printed) else None,
                  edit_in_output=all(seen))


def single_lesson_folder(work):
    """A lessons folder holding only a copy of the XOR lesson, with the course's settings,
    bibliography, data and images, which it cites and reads."""
    folder = work / "single"
    folder.mkdir()
    shutil.copy2(ROOT / "lessons" / EDITED_LESSON, folder / EDITED_LESSON)
    for name in SUPPORT_FILES:
        source = ROOT / "lessons" / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        elif source.exists():
            shutil.copy2(source, folder / name)
    return folder


def page_path(binary, python, work, runs):
    """The XOR lesson alone, cold (`--no-cache`), and the seed's NumPy program as a whole process
    (peers/seed_process.py), one run of each in turn: their ratio is the page-path goal, and
    alternating keeps a slow spell of a shared machine from landing on one side of it only (run
    one after the other, the two once measured 9.3x and, half an hour later, 5.8x)."""
    folder = single_lesson_folder(work)
    usable = python and (shutil.which(str(python)) or os.access(str(python), os.X_OK))
    seed = None if usable else {"unavailable": "no Python at %s" % python}
    lesson_times, lesson_cpu, seed_times, seed_cpu, printed = [], [], [], [], ""
    for r in range(runs):
        output = work / ("single-out-%d" % r)
        seconds, used, printed = run_build(binary, folder, output, cache_dir=work / "single-cache", no_cache=True)
        lesson_times.append(seconds)
        lesson_cpu.append(used)
        shutil.rmtree(output, ignore_errors=True)
        if seed is None:
            seconds, used, out = timed([str(python), str(SEED_PROCESS)])
            if out.returncode != 0:
                seed = {"unavailable": "seed_process.py failed: " + (out.stderr.strip() or out.stdout.strip())[-300:]}
            else:
                seed_times.append(seconds)
                seed_cpu.append(used)
    single = timing(lesson_times, lesson_cpu, printed=printed)
    single["lesson"] = EDITED_LESSON
    return single, seed or timing(seed_times, seed_cpu)


def build_system(lessons_binary, runs, python=None):
    """The course build with the release `lessons`: the whole shipped course cold, rebuilt with no
    change, and rebuilt after a prose edit; and the XOR lesson alone, cold. Everything runs on a
    copy of lessons/ in a temporary folder, with the cache there too, so the repository (and
    its .lessons-cache) is never touched."""
    if not lessons_binary or not os.access(lessons_binary, os.X_OK):
        return {"unavailable": "%s not built (swift build -c release --product lessons)" % lessons_binary}
    work = pathlib.Path(tempfile.mkdtemp(prefix="lessons-bench-"))
    try:
        lessons = work / "lessons"
        shutil.copytree(ROOT / "lessons", lessons)  # with course.yml, zh/, images/ and data/
        result = {"lessons": sum(1 for _ in lessons.rglob("*.md")), "runs": runs,
                  "command": "lessons build <copy of lessons> --output <tmp> --cache-dir <tmp> [--no-cache]"}
        output, cache = work / "site", work / "cache"
        for name, measure_it in (("cold", lambda: cold_build(lessons_binary, lessons, work, runs)),
                                 ("no_change", lambda: no_change_rebuild(lessons_binary, lessons, output, cache, runs)),
                                 ("prose_edit", lambda: prose_edit_rebuild(lessons_binary, lessons, output, cache, runs))):
            try:
                result[name] = measure_it()
            except Exception as e:  # noqa: BLE001  (report and go on with the other figures)
                result[name] = {"unavailable": str(e)}
            print("  build system: %s done" % name, file=sys.stderr)
        try:
            result["single_lesson_cold"], result["seed_process"] = page_path(lessons_binary, python, work, runs)
        except Exception as e:  # noqa: BLE001
            result["single_lesson_cold"] = result["seed_process"] = {"unavailable": str(e)}
        print("  build system: XOR lesson alone and the seed's program, alternately, done", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seed, single = result["seed_process"].get("median"), result["single_lesson_cold"].get("median")
    cold, unchanged = result["cold"].get("median"), result["no_change"].get("median")
    if cold and unchanged:
        result["no_change_over_cold"] = unchanged / cold
    result["goals"] = {
        "cold course under %g s" % GOAL_COLD: cold < GOAL_COLD if cold else None,
        "no-change rebuild under %g s" % GOAL_NO_CHANGE: unchanged < GOAL_NO_CHANGE if unchanged else None,
        "no-change rebuild under %d%% of cold" % round(100 * GOAL_NO_CHANGE_FRACTION):
            unchanged / cold < GOAL_NO_CHANGE_FRACTION if cold and unchanged else None,
        "XOR lesson alone %gx faster than the seed's program" % GOAL_PAGE_PATH:
            seed / single >= GOAL_PAGE_PATH if seed and single else None,
    }
    if seed and single:
        result["seed_process_over_single_lesson"] = seed / single
    return result


def notebook_reference(venv, runs):
    """`jupyter nbconvert --to html --execute` of benchmarks/notebooks/xor.ipynb (the XOR lesson's
    model as a teacher's NumPy + matplotlib notebook), from the bench venv. One untimed run first,
    so the kernel spec, matplotlib's font cache and the file system caches are warm; then `runs`
    timed runs, each on a fresh copy of the notebook into a fresh output folder."""
    jupyter = pathlib.Path(venv) / "bin/jupyter"
    if not jupyter.exists():
        return {"unavailable": "%s not installed (benchmarks/setup-venv.sh installs nbconvert, ipykernel, matplotlib)" % jupyter}
    work = pathlib.Path(tempfile.mkdtemp(prefix="lessons-notebook-"))
    try:
        times, cpu, final_loss = [], [], None
        for r in range(runs + 1):
            notebook = work / ("run-%d" % r) / "xor.ipynb"
            notebook.parent.mkdir()
            shutil.copy2(NOTEBOOK, notebook)
            seconds, used, out = timed([str(jupyter), "nbconvert", "--to", "html", "--execute", str(notebook),
                                        "--output-dir", str(work / ("html-%d" % r))])
            if out.returncode != 0:
                return {"unavailable": "jupyter nbconvert failed: " + out.stderr.strip()[-500:]}
            if r > 0:  # run 0 is the untimed warm-up
                times.append(seconds)
                cpu.append(used)
            page = work / ("html-%d" % r) / "xor.html"
            found = re.search(r"final loss:\s*([0-9.eE+-]+)", page.read_text(encoding="utf-8", errors="replace"))
            final_loss = float(found.group(1)) if found else None
    except OSError as e:
        return {"unavailable": str(e)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    version = subprocess.run([str(pathlib.Path(venv) / "bin/python"), "-c",
                              "import nbconvert, matplotlib, numpy; print(nbconvert.__version__, matplotlib.__version__, numpy.__version__)"],
                             capture_output=True, text=True).stdout.split()
    sys.path.insert(0, str(HERE / "peers"))
    import workloads  # noqa: E402  (stdlib-only module shared with run.py's workers)
    reference = workloads.load("W1")["reference_final_loss"]
    return timing(times, cpu, warmup_runs=1, final_loss=final_loss, elsewhere=NOTEBOOK_ELSEWHERE,
                  expected_final_loss=reference,
                  # the notebook prints 9 decimals: agreeing means to those digits
                  loss_agrees=final_loss is not None and abs(final_loss - reference) <= 1e-5 * abs(reference),
                  versions=dict(zip(("nbconvert", "matplotlib", "numpy"), version)),
                  command="jupyter nbconvert --to html --execute benchmarks/notebooks/xor.ipynb --output-dir <tmp>")


def print_build_system(build, notebook):
    """The build-system section: medians, ratios, goals, and the notebook reference."""
    print("\nbuild system (release lessons, %s)" % build.get("command", "lessons build"))
    if "unavailable" in build:
        print("  unavailable: %s" % build["unavailable"])
    else:
        labels = {"cold": "whole course (%d lessons), cold --no-cache" % build["lessons"],
                  "no_change": "rebuild with no change (warm cache)",
                  "prose_edit": "rebuild after one prose sentence changed",
                  "single_lesson_cold": "XOR lesson alone, cold --no-cache",
                  "seed_process": "the seed's NumPy program, whole process"}
        for key, label in labels.items():
            row = build[key]
            if "median" in row:
                print("  %-48s median %8.3f s of %d  (CPU %.3f s)" % (label, row["median"], len(row["seconds"]),
                                                                    row["cpu_median"]))
            else:
                print("  %-48s unavailable: %s" % (label, row["unavailable"]))
        if "output_bytes" in build["no_change"]:
            print("  (the site: %d files, %.1f MB)"
                  % (build["no_change"]["output_files"], build["no_change"]["output_bytes"] / 1e6))
        if "seed_process_over_single_lesson" in build:
            print("  seed program / XOR lesson alone: %.1fx" % build["seed_process_over_single_lesson"])
        if "no_change_over_cold" in build:
            print("  no-change / cold: %.1f%%" % (100 * build["no_change_over_cold"]))
        edit = build["prose_edit"]
        if "median" in edit:
            printed = edit["blocks_run_printed"]
            print("  prose edit: %s (new cache entries per run: %s; count printed by the tool: %s); edit %s the page"
                  % ("no block ran again" if edit["no_block_rerun"] else "SOME BLOCKS RAN AGAIN",
                     ", ".join(map(str, edit["blocks_run_per_cache"])),
                     ", ".join(map(str, printed)) if printed else "none, lessons build does not print one",
                     "is on" if edit["edit_in_output"] else "is NOT on"))
        for goal, met in build["goals"].items():
            print("  goal: %-60s %s" % (goal, {True: "met", False: "NOT MET", None: "unknown (a figure is unavailable)"}[met]))
    print("\nfor reference: the XOR lesson as a Jupyter notebook (benchmarks/notebooks/xor.ipynb)")
    if "unavailable" in notebook:
        print("  unavailable: %s" % notebook["unavailable"])
        return
    print("  jupyter nbconvert --to html --execute, one page: median %.3f s of %d  (CPU %.3f s; after 1 untimed"
          " warm-up run; measured elsewhere: %.2f s)" % (notebook["median"], len(notebook["seconds"]),
                                                         notebook["cpu_median"], NOTEBOOK_ELSEWHERE))
    print("  its final loss %s: %s W1's reference %.9g" % (fmt(notebook["final_loss"], ".9g"),
                                                       "agrees with" if notebook["loss_agrees"] else "DIFFERS from",
                                                       notebook["expected_final_loss"]))
    for key, label in (("cold", "our whole course, cold"), ("no_change", "our whole course, no-change rebuild"),
                       ("single_lesson_cold", "our single XOR lesson, cold")):
        ours = build.get(key, {}).get("median")
        if ours:
            notebook["over_" + key] = notebook["median"] / ours
            print("  one notebook page / %-36s %6.2f  (%.3f s / %.3f s)"
                  % (label + ":", notebook["over_" + key], notebook["median"], ours))
