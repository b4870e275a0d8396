"""notebooks/tour.ipynb runs from top to bottom (so it never rots) and is committed without outputs."""

import sys
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "tour.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


@pytest.mark.slow
def test_notebook_runs(tmp_path):
    from nbclient import NotebookClient

    from tests.viz.conftest import needs_build

    needs_build()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # jupyter_client starts a "python3" kernel with sys.executable: the venv's python, where kg is installed
    nb.cells.insert(0, nbformat.v4.new_code_cell("import sys; print(sys.prefix)"))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    # the same environment (its python may be named python or python3.11)
    assert nb.cells[0].outputs[0]["text"].strip() == sys.prefix
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o["output_type"] == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<iframe srcdoc=" in html and "Tokayev" in html
