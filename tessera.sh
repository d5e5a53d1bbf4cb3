#!/bin/sh
#
# Builds Tessera and starts it for a first look: ./tessera.sh [demo|run]
#
#   demo (default)  build, add a local administrator "admin" if there is none (its password is printed once),
#                   then start with the console
#   run             build, then start with the console as configured
#
# The installation lives in distribution/assembly/target/assembly (a "mvn clean" removes it and its data).
# For a lasting installation unpack distribution/assembly/target/tessera-<version>.tar.gz where it should live.
#
set -eu
cd "$(dirname "$0")"

mode=${1:-demo}
case "$mode" in
    demo|run) ;;
    *) echo "usage: ./tessera.sh [demo|run]" >&2; exit 2 ;;
esac

if ! command -v mvn >/dev/null 2>&1; then
    echo "tessera.sh: Maven (mvn) is not on the PATH; install Maven 3.8+ and JDK 17" >&2
    exit 1
fi

echo "Building Tessera (tests skipped; run 'mvn -B verify' for those)..."
mvn -B -q install -DskipTests

home=distribution/assembly/target/assembly
chmod +x "$home"/bin/*
if [ "$mode" = demo ]; then
    exec "$home/bin/tessera" demo
fi
exec "$home/bin/tessera"
