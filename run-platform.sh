#!/usr/bin/env bash
# Runs the whole Liuhua platform on this machine with demo data: a Kafka broker (127.0.0.1:9092), the MongoDB
# stand-in (127.0.0.1:27017), Keycloak (localhost:8180), the five services (8081-8085) and the gateway (8080).
# Services and gateway listen on 127.0.0.1 only; each one's actuator (/actuator/prometheus, health) is on a loopback
# port of its own, printed when the platform is ready (the main ports answer /livez and /readyz).
# Builds first when the sources changed since the last build. Data is kept in .data/ (or $LIUHUA_DATA_DIR);
# `./run-platform.sh --reset` starts from an empty data folder. Ctrl-C / SIGTERM stops every process it started.
set -euo pipefail
cd "$(dirname "$0")"

stamp=target/.platform-built
launcher=local-platform/target/local-platform-0.1.0-SNAPSHOT-exec.jar
mkdir -p target
if [ ! -f "$stamp" ] || [ ! -f "$launcher" ] || [ -n "$(find . -path ./.data -prune -o -path '*/target' -prune -o \
    -type f \( -name '*.java' -o -name 'pom.xml' -o -name '*.yml' -o -name '*.properties' -o -name '*.json' \
    -o -name '*.html' -o -name '*.js' -o -name '*.css' \) -newer "$stamp" -print -quit)" ]; then
  echo "[liuhua] building the platform (./mvnw -DskipTests package) …"
  ./mvnw -B -q -DskipTests -Dmaven.jar.forceCreation=true package </dev/null
  touch "$stamp"
fi
# The build's last step, quick when nothing changed (ADR 16): each service's jar extracted and its class-data archive
# made (target/class-data/), so the services start in about half the CPU time, and Keycloak's database with the realm
# imported kept for new data folders. A signal meanwhile stops it (its shutdown hook stops what it started).
java -Xmx512m -Dliuhua.repo="$PWD" -jar "$launcher" --prepare </dev/null &
prepare=$!
trap 'kill -TERM "$prepare" 2>/dev/null; wait "$prepare"; exit 143' INT TERM
wait "$prepare" || echo "[liuhua] WARN: the build's last step failed (see above); the platform starts without it"
trap - INT TERM

# The launcher holds the Kafka broker and the MongoDB stand-in: C1 only and the serial collector, as for the
# services, cost less CPU on 2 cores than C2's compilations and G1's concurrent work (benchmarks/README "JVM settings").

# A shell started in the background without job control ignores SIGINT, and a JVM cannot catch a signal ignored
# at its start: perl (part of every Debian/Ubuntu base system) restores the default first, so Ctrl-C and SIGINT
# from a supervisor always reach the launcher's shutdown hook.
java_cmd=(java -Xmx1g -Xmn320m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dliuhua.repo="$PWD" -jar "$launcher" "$@")
if command -v perl >/dev/null 2>&1; then
  exec perl -e '$SIG{INT} = $SIG{TERM} = "DEFAULT"; exec { $ARGV[0] } @ARGV or die "cannot start java: $!\n"' \
    "${java_cmd[@]}" </dev/null
fi
exec "${java_cmd[@]}" </dev/null
