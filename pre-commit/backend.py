"""A build backend for a wheel that holds nothing but its dependency on
prepress-lint (PEP 517, standard library only), so pip installs the hook with
no build tool to download: the version and dependency come from
pyproject.toml."""

import base64
import hashlib
import os
import re
import zipfile


def _project():
    """The `[project]` fields this file uses, read without a TOML library
    (tomllib is Python 3.11+): one `key = "value"` or list per line."""
    with open("pyproject.toml", encoding="utf-8") as f:
        text = f.read().split("[project]", 1)[1]
    project = dict(re.findall(r'^(name|version|description) = "([^"]*)"$', text, re.M))
    listed = re.search(r"^dependencies = \[(.*)\]$", text, re.M).group(1)
    project["dependencies"] = re.findall(r'"([^"]+)"', listed)
    return project


def _wheel_name(project):
    return f"{project['name'].replace('-', '_')}-{project['version']}"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _project()
    name = _wheel_name(project)
    info = f"{name}.dist-info"
    files = {
        f"{info}/METADATA": "Metadata-Version: 2.1\n"
        f"Name: {project['name']}\nVersion: {project['version']}\n"
        f"Summary: {project['description']}\n"
        + "".join(f"Requires-Dist: {d}\n" for d in project["dependencies"]),
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: backend.py\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest())
        record.append(f"{path},sha256={digest.rstrip(b'=').decode()},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\n".join(record) + "\n"
    filename = f"{name}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)
    return filename
