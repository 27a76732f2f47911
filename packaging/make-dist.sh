#!/usr/bin/env bash
# Completes the package after jlink has written <dir>/runtime: the jars (the gateway's, and the
# keap command's from module cli), the launchers, the JVM options, the systemd unit, LICENSE and
# INSTALL, then <dir>.tar.gz (one top directory, modes kept).
# Usage (run by dist/pom.xml at package): make-dist.sh <dir> <keap-gateway.jar> <keap.jar>
set -euo pipefail
dir="$1"
jar="$2"
cli_jar="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
[[ -x "$dir/runtime/bin/java" ]] || { echo "make-dist: no runtime in $dir (jlink did not run?)" >&2; exit 1; }
[[ -f "$jar" ]] || { echo "make-dist: no $jar (build the app module first)" >&2; exit 1; }
[[ -f "$cli_jar" ]] || { echo "make-dist: no $cli_jar (build the cli module first)" >&2; exit 1; }
mkdir -p "$dir/bin" "$dir/lib"
install -m 755 "$here/bin/keap-gateway" "$here/bin/keap" "$dir/bin/"
install -m 644 "$jar" "$cli_jar" "$here/jvm.options" "$dir/lib/"
install -m 644 "$here/keap-gateway.service" "$here/INSTALL" "$root/LICENSE" "$root/CHANGELOG.md" "$dir/"
tar -czf "$dir.tar.gz" -C "$(dirname "$dir")" "$(basename "$dir")"
echo "make-dist: $(basename "$dir").tar.gz ($(du -h "$dir.tar.gz" | cut -f1))"
