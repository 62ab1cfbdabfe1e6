#!/bin/sh
# Usage: sh tools/venv.sh PYTHON VENV GOAL
# Makes VENV with PYTHON for `make GOAL`. plangen needs Python 3.11 or newer: an older PYTHON
# is refused with the version to install, and a VENV made by an older Python (or by one removed
# since) is replaced, never reused. Messages in Vietnamese, then English.
set -eu
python=$1
venv=$2
goal=${3:-documents}

# "3.10.12" → 0 when it is 3.11 or newer
too_old() {
  major=${1%%.*}
  rest=${1#*.}
  minor=${rest%%.*}
  [ "$major" -lt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -lt 11 ]; }
}

version_of() {
  "$1" -c 'import sys; print(*sys.version_info[:3], sep=".")' 2>/dev/null
}

if ! found=$(version_of "$python"); then
  echo "plangen cần Python 3.11 trở lên; không chạy được \"$python\"." >&2
  echo "plangen needs Python 3.11 or newer; \"$python\" does not run." >&2
  echo "  Debian/Ubuntu: sudo apt-get install python3.11 python3.11-venv" >&2
  echo "  make PYTHON=python3.11 $goal" >&2
  exit 1
fi
if too_old "$found"; then
  echo "plangen cần Python 3.11 trở lên, nhưng $python là Python $found. Cài Python 3.11" >&2
  echo "(hoặc mới hơn) rồi chạy lại với PYTHON trỏ tới nó:" >&2
  echo "plangen needs Python 3.11 or newer, but $python is Python $found. Install Python 3.11" >&2
  echo "(or newer) and run again with PYTHON naming it:" >&2
  echo "  Debian/Ubuntu: sudo apt-get install python3.11 python3.11-venv" >&2
  echo "  make PYTHON=python3.11 $goal" >&2
  exit 1
fi

if [ -e "$venv" ]; then
  made_by=$(version_of "$venv/bin/python" || echo "")
  if [ -z "$made_by" ] || too_old "$made_by"; then
    echo "$venv được tạo bằng Python ${made_by:-đã gỡ bỏ}: tạo lại bằng $python ($found)." >&2
    echo "$venv was made by Python ${made_by:-since removed}: making it again with $python ($found)." >&2
    rm -rf "$venv"
  fi
fi

if [ ! -e "$venv" ]; then
  if ! "$python" -m venv "$venv"; then
    rm -rf "$venv"
    echo "Không tạo được $venv: cài gói venv của Python (Debian/Ubuntu: python3-venv)." >&2
    echo "Could not make $venv: install Python's venv package (Debian/Ubuntu: python3-venv)." >&2
    exit 1
  fi
fi
