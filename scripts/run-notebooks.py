#!/usr/bin/env python3
"""Execute mixlab's notebooks headlessly with the tslab kernel, in order.

Usage: python3 scripts/run-notebooks.py [--timeout S] [NOTEBOOK ...]
(normally through `npm run notebooks`, i.e. scripts/notebooks.sh, which installs Jupyter, registers
the kernel inside the repo and builds dist/ first).

For each notebook (default: notebooks/[0-9][0-9]-*.ipynb, sorted) it writes the executed copy to
notebooks/.executed/<name>.ipynb (signed, so Jupyter shows its outputs as trusted) and an HTML
render to notebooks/.executed/<name>.html, and prints the time it took. On a failing cell it prints
the notebook, the cell (index and source) and the real error: tslab reports a failed cell to
Jupyter without a message ("<Error>:"), so the text is taken from the cell's stderr output and the
kernel's own stderr. It goes on with the next notebook (each runs alone) and exits 1 at the end.
Prints the total time of all notebooks last.
"""
import argparse
import glob
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
EXECUTED = os.path.join(NOTEBOOKS, ".executed")
KERNEL = "tslab"


def jupyter_environment():
    """Point Jupyter at the kernel registered inside the repo and tslab at node_modules/.bin."""
    jupyter = os.path.join(ROOT, ".jupyter")
    path = os.path.join(jupyter, "share", "jupyter")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in [path, os.environ.get("JUPYTER_PATH", "")] if p)
    os.environ.setdefault("JUPYTER_DATA_DIR", os.path.join(jupyter, "data"))
    os.environ.setdefault("JUPYTER_CONFIG_DIR", os.path.join(jupyter, "config"))
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(jupyter, "runtime"))
    os.environ["PATH"] = os.pathsep.join([os.path.join(ROOT, "node_modules", ".bin"), os.environ.get("PATH", "")])
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets a debugger warning of ipykernel


try:
    import nbformat
    from nbformat.sign import NotebookNotary
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbconvert import HTMLExporter
except ImportError as err:  # pragma: no cover - a setup problem, explained to the user
    sys.exit(f"run-notebooks: Jupyter is not installed for {sys.executable} ({err}); run `npm run notebooks`, "
             "which installs it (apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)")


def rel(path):
    return os.path.relpath(path, ROOT)


def cell_error_text(cell):
    """The error text a failed cell shows: its stderr streams and any error output."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename', '')}: {out.get('evalue', '')}\n" + "\n".join(out.get("traceback", [])))
    return "".join(parts).rstrip()


def tail(text, lines):
    rows = text.rstrip().splitlines()
    return "\n".join(rows[-lines:])


def render_html(nb, path):
    exporter = HTMLExporter()
    body, _ = exporter.from_notebook_node(nb)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def run_notebook(path, timeout):
    """Execute one notebook; returns (ok, seconds)."""
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    state = {"index": None}
    client = NotebookClient(
        nb, kernel_name=KERNEL, timeout=timeout, allow_errors=False,
        resources={"metadata": {"path": NOTEBOOKS}},
    )
    client.on_cell_start = lambda cell, cell_index: state.__setitem__("index", cell_index)
    started = time.monotonic()
    failure = None
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as kernel_stderr:
        try:
            client.execute(stderr=kernel_stderr)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
            failure = err
        seconds = time.monotonic() - started
        kernel_stderr.seek(0)
        kernel_err = kernel_stderr.read()
    os.makedirs(EXECUTED, exist_ok=True)
    out_nb = os.path.join(EXECUTED, name + ".ipynb")
    nbformat.validate(nb)
    NotebookNotary().sign(nb)
    nbformat.write(nb, out_nb)
    render_html(nb, os.path.join(EXECUTED, name + ".html"))
    if failure is None:
        print(f"  {name}: ok in {seconds:.1f} s", flush=True)
        return True, seconds
    index = state["index"]
    cell = nb.cells[index] if index is not None else None
    print(f"\n  {name}: FAILED after {seconds:.1f} s", flush=True)
    print(f"notebook: {rel(path)}")
    if cell is not None:
        code_index = sum(1 for c in nb.cells[:index] if c.cell_type == "code")
        print(f"cell: index {index} (code cell {code_index + 1})")
        print("---- source ----")
        print(cell.source)
        print("---- error ----")
        print(cell_error_text(cell) or f"({type(failure).__name__}: {str(failure).strip()[:2000]})")
    else:
        print(f"error before any cell ran: {type(failure).__name__}: {failure}")
    if kernel_err.strip():
        print("---- kernel stderr (last 40 lines) ----")
        print(tail(kernel_err, 40))
    print("----------------", flush=True)
    return False, seconds


def main():
    parser = argparse.ArgumentParser(description="Execute the mixlab notebooks with the tslab kernel.")
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/NN-*.ipynb in order)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds a cell may run (default 600)")
    args = parser.parse_args()
    jupyter_environment()
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        sys.exit("run-notebooks: the tslab kernel is not registered in .jupyter/; run `npm run notebooks` "
                 "(scripts/notebooks.sh registers it with `tslab install --prefix .jupyter`)")
    paths = [os.path.abspath(p) for p in args.notebooks] or sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb")))
    if not paths:
        sys.exit("run-notebooks: no notebooks found in notebooks/")
    print(f"run-notebooks: {len(paths)} notebook(s) with the {KERNEL} kernel; executed copies and HTML in {rel(EXECUTED)}/", flush=True)
    total = 0.0
    results = []
    for path in paths:
        ok, seconds = run_notebook(path, args.timeout)
        total += seconds
        results.append((os.path.basename(path), ok, seconds))
    print("\nnotebook                         time")
    for name, ok, seconds in results:
        print(f"  {name:<28} {seconds:6.1f} s{'' if ok else '  FAILED'}")
    failed = [name for name, ok, _ in results if not ok]
    print(f"  {'total':<28} {total:6.1f} s")
    if failed:
        print(f"run-notebooks: {len(failed)} of {len(results)} notebook(s) failed: {', '.join(failed)}")
        sys.exit(1)
    print(f"run-notebooks: all {len(results)} notebook(s) ran without error")


if __name__ == "__main__":
    main()
