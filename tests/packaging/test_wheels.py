"""Each addon at the repository root builds as a wheel, the way OCA ships
addons: `odoo-addon-<name>` by the whool build backend, holding the addon under
odoo/addons/ and requiring the addons it depends on that Odoo does not ship."""

import ast
import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest
from manifestoo_core.core_addons import is_core_ce_addon
from manifestoo_core.odoo_series import OdooSeries

REPO = Path(__file__).resolve().parents[2]
ADDONS = sorted(path.parent for path in REPO.glob("*/__manifest__.py"))


def build_wheel(addon, folder):
    """Build `addon`'s wheel offline, with the whool installed here."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            f"--wheel-dir={folder}",
            str(addon),
        ],
        check=True,
    )
    (wheel,) = folder.glob("*.whl")
    return wheel


@pytest.mark.parametrize("addon", ADDONS, ids=lambda path: path.name)
def test_addon_builds_as_a_wheel_with_its_files_and_dependencies(addon, tmp_path):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    assert (addon / "pyproject.toml").is_file(), "no pyproject.toml (whool init)"

    wheel = build_wheel(addon, tmp_path)

    assert wheel.name.startswith(f"odoo_addon_{addon.name}-{manifest['version']}")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = (name for name in names if name.endswith(".dist-info/METADATA"))
        metadata = HeaderParser().parsestr(archive.read(metadata).decode())
    package = f"odoo/addons/{addon.name}/"
    declared = [*manifest.get("data", []), *manifest.get("demo", [])]
    for path in ["__manifest__.py", "__init__.py", *declared]:
        assert package + path in names
    assert metadata["Name"] == f"odoo-addon-{addon.name}"
    requirements = set(metadata.get_all("Requires-Dist"))
    for dependency in manifest.get("depends", []):
        if not is_core_ce_addon(dependency, OdooSeries.v18_0):
            assert f"odoo-addon-{dependency}==18.0.*" in requirements
