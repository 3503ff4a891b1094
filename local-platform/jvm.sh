# How ./newsroom (and local-platform/cluster.sh) runs a service's JVM: heap settings and the start-up archive.
# Sourced by ./newsroom; needs DATA, ROOT, LOGS and HEAP. Measurements behind every setting: bench/README.md,
# "Start-up and memory".
#
# - The heap starts at 64 MiB and grows with the live data (-Xms64m; the JVM's default starts at 1/64 of the
#   machine's memory, which the young generation then filled and kept resident), and gives memory back after a
#   full collection leaves more than 40 % free. -Xmx (HEAP) stays the ceiling for bursts.
# - Native memory: glibc keeps at most two malloc arenas (MALLOC_ARENA_MAX) and the JVM trims freed native memory
#   every 10 s (the compilers' scratch memory otherwise stays resident).
# - Start-up archive (AppCDS, JDK 13+ dynamic archive): the first start of a build records the classes it loaded;
#   once ready, `jcmd VM.cds dynamic_dump` writes them to $DATA/cds/<service>.jsa and the service is started again
#   with it (the dump leaves about 230 MB of buffers in the recording process). Later starts map that archive
#   instead of reading, parsing and verifying about 17,000 classes again. An archive older than the build, or one
#   this JVM refuses (another JDK, other jars), is deleted and recorded anew. NEWSROOM_CDS=off runs without it.
#   It is mapped at the address it was written for (ArchiveRelocationMode=0): Debian's JDK relocates by default,
#   which copies the whole archive into private memory.

# Fixed when sourced: the cluster (cluster_paths) moves DATA, but its replicas run the same jars and share these.
CDS_DIR="$DATA/cds"
JVM_PROBED=0
JVM_EXTRA=()
CDS_FLAGS=()

jvm_probe() { # once per run: options this JVM accepts (they are not all in every JDK 17 build)
  [ "$JVM_PROBED" = 0 ] || return 0
  JVM_PROBED=1
  if java -XX:TrimNativeHeapInterval=10000 -version >/dev/null 2>&1; then JVM_EXTRA+=(-XX:TrimNativeHeapInterval=10000); fi
  if java -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -version >/dev/null 2>&1; then
    CDS_FLAGS=(-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
  fi
}

cds_archive() { printf '%s' "$CDS_DIR/$1.jsa"; }

# The archive exists, is newer than every file of the build, and this JVM maps it with these options.
cds_archive_fits() { # svc, JVM options without the archive
  local svc="$1" archive app; shift
  archive="$(cds_archive "$svc")"; app="$ROOT/$svc-service/target/quarkus-app"
  [ -f "$archive" ] || return 1
  if [ -n "$(find "$app" -newer "$archive" -type f -print -quit 2>/dev/null)" ] \
      || ! java "$@" -Xshare:on "-XX:SharedArchiveFile=$archive" -cp "$app/quarkus-run.jar" -version >/dev/null 2>&1; then
    rm -f "$archive"
    return 1
  fi
}

# Into JVM: the options of a service's JVM. With "record", a service without a fitting archive records its classes
# (CDS_RECORD=1): start_service then writes the archive once the service is ready, and starts the service again
# with it (the dump's buffers would otherwise stay in the recording process's memory).
service_jvm() { # svc [record]
  local svc="$1"
  jvm_probe
  JVM=(-Xms64m "-Xmx${HEAP[$svc]}" -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 "${JVM_EXTRA[@]}")
  CDS_RECORD=0
  [ "${NEWSROOM_CDS:-on}" != off ] || return 0
  if cds_archive_fits "$svc" "${JVM[@]}" "${CDS_FLAGS[@]}"; then
    JVM+=("${CDS_FLAGS[@]}" "-XX:SharedArchiveFile=$(cds_archive "$svc")")
  elif [ "${2:-}" = record ] && command -v jcmd >/dev/null 2>&1; then
    JVM+=("${CDS_FLAGS[@]}" -XX:+RecordDynamicDumpInfo)
    CDS_RECORD=1
  fi
}

# Writes the start-up archive of a ready service that recorded its classes (service_jvm ... record).
cds_write() { # svc pid
  local svc="$1" pid="$2" archive start; archive="$(cds_archive "$1")"; start=$(now_ms)
  mkdir -p "$CDS_DIR"
  rm -f "$archive.tmp"
  # the dump pauses the service for a few seconds, once per build
  if jcmd "$pid" VM.cds dynamic_dump "$archive.tmp" >"$LOGS/$svc-cds.log" 2>&1 && [ -s "$archive.tmp" ]; then
    mv -f "$archive.tmp" "$archive"
    say "  ${DIM}start-up archive of $svc-service written in $(elapsed "$start"): starting it again with the archive${OFF}"
  else
    rm -f "$archive.tmp"
    say "  ${DIM}no start-up archive for $svc-service (see $LOGS/$svc-cds.log); it runs without one${OFF}"
    return 1
  fi
}
