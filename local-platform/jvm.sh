# How ./newsroom (and local-platform/cluster.sh) runs a service's JVM: heap, garbage collector, JIT and the start-up
# archive. Sourced by ./newsroom and bench/run; needs DATA, ROOT and LOGS. The pods run with the same heap and options
# (deploy/base/*/deployment.yaml: JAVA_OPTS_APPEND, GC_CONTAINER_OPTIONS, MALLOC_ARENA_MAX; deploy's JvmSettingsTest
# holds them to the lines below). Measurements behind every setting: bench/README.md, "Start-up and memory".
#
# - Maximum heap per service (HEAP): article- and feed-service 256 MiB (live data after a full collection under the
#   busiest hour: about 25 MiB for article-service, about 120 MiB for feed-service, most of it its bounded caches of
#   rendered feeds and cleaned entries), media-service 1 GiB (a 60-megapixel photo decodes into a 240 MB raster; the
#   service refuses what does not fit the heap minus 192 MiB), the desk 256 MiB.
# - The heap starts at 64 MiB and grows with the live data (-Xms64m; the JVM's default starts at 1/64 of the
#   machine's memory, which the young generation then filled and kept resident), and gives memory back after a
#   full collection leaves more than 40 % free.
# - C2, the optimising compiler, compiles a method after 5 times the JDK's default invocation and loop counts (Tier4*):
#   during start-up C2 otherwise took a third of the CPU (perf, article-service) compiling code that runs only while
#   starting (configuration, class loading, Hibernate's query parser); hot request code still reaches C2 within
#   seconds under load, where the counts fill fast.
# - Native memory: glibc keeps at most two malloc arenas (MALLOC_ARENA_MAX) and the JVM trims freed native memory
#   every 10 s (the compilers' scratch memory otherwise stays resident).
# - Start-up archive (AppCDS, JDK 13+ dynamic archive): the first start of a build records the classes it loaded;
#   once ready, `jcmd VM.cds dynamic_dump` writes them to $DATA/cds/<service>.jsa and the service is started again
#   with it (the dump leaves about 230 MB of buffers in the recording process). Before the dump, ClassLinker links
#   the classes Quarkus' class loader loaded without linking (cds_link). Later starts map that archive instead of
#   reading, parsing and verifying about 17,000 classes again. An archive older than the build, or one
#   this JVM refuses (another JDK, other jars), is deleted and recorded anew. NEWSROOM_CDS=off runs without it.
#   It is mapped at the address it was written for (ArchiveRelocationMode=0): Debian's JDK relocates by default,
#   which copies the whole archive into private memory.

declare -A HEAP=([article]=256m [media]=1g [feed]=256m [desk]=256m)
JVM_GC=-XX:+UseSerialGC
JVM_OPTIONS=(-Xms64m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:Tier4InvocationThreshold=25000
  -XX:Tier4MinInvocationThreshold=3000 -XX:Tier4CompileThreshold=75000 -XX:Tier4BackEdgeThreshold=200000)
MALLOC_ARENAS=2

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
  JVM=("-Xmx${HEAP[$svc]}" "$JVM_GC" "${JVM_OPTIONS[@]}" "${JVM_EXTRA[@]}")
  CDS_RECORD=0
  [ "${NEWSROOM_CDS:-on}" != off ] || return 0
  if cds_archive_fits "$svc" "${JVM[@]}" "${CDS_FLAGS[@]}"; then
    JVM+=("${CDS_FLAGS[@]}" "-XX:SharedArchiveFile=$(cds_archive "$svc")")
  elif [ "${2:-}" = record ] && command -v jcmd >/dev/null 2>&1; then
    JVM+=("${CDS_FLAGS[@]}" -XX:+RecordDynamicDumpInfo)
    CDS_RECORD=1
  fi
}

# Links every class the service loaded (dev.newsroom.local.ClassLinker, loaded as a Java agent): the JDK links only
# its own class loaders' classes before a dynamic dump, and leaves the unlinked ones of Quarkus' class loader (about
# 3,300 in article-service) out of the archive, to be parsed again at every start.
cds_link() { # pid
  local jar="$CDS_DIR/class-linker.jar" classes="$ROOT/local-platform/target/classes" home
  command -v jar >/dev/null 2>&1 || { echo "no jar tool (a JDK's): classes not linked"; return 1; }
  if [ ! -f "$jar" ] || [ "$classes/dev/newsroom/local/ClassLinker.class" -nt "$jar" ]; then
    printf 'Agent-Class: dev.newsroom.local.ClassLinker\n' >"$jar.mf"
    jar cfm "$jar" "$jar.mf" -C "$classes" dev/newsroom/local/ClassLinker.class \
      -C "$classes" 'dev/newsroom/local/ClassLinker$Counts.class' || return 1
    rm -f "$jar.mf"
  fi
  home="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.home = //p')"
  jcmd "$1" JVMTI.agent_load "$home/lib/libinstrument.so" "$jar"
}

# Writes the start-up archive of a ready service that recorded its classes (service_jvm ... record).
cds_write() { # svc pid
  local svc="$1" pid="$2" archive start; archive="$(cds_archive "$1")"; start=$(now_ms)
  mkdir -p "$CDS_DIR"
  rm -f "$archive.tmp"
  cds_link "$pid" >"$LOGS/$svc-cds.log" 2>&1 || say "  ${DIM}classes of $svc-service not linked before the dump: see $LOGS/$svc-cds.log${OFF}"
  # the dump pauses the service for a few seconds, once per build
  if jcmd "$pid" VM.cds dynamic_dump "$archive.tmp" >>"$LOGS/$svc-cds.log" 2>&1 && [ -s "$archive.tmp" ]; then
    mv -f "$archive.tmp" "$archive"
    say "  ${DIM}start-up archive of $svc-service written in $(elapsed "$start"): starting it again with the archive${OFF}"
  else
    rm -f "$archive.tmp"
    say "  ${DIM}no start-up archive for $svc-service (see $LOGS/$svc-cds.log); it runs without one${OFF}"
    return 1
  fi
}
