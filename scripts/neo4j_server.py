#!/usr/bin/env python3
"""A real Neo4j 5.26 Community server without Docker, for tests, benchmarks and
users who have no Docker engine.

Neo4j's tarball is not on Maven Central, but the server is: ``org.neo4j:neo4j``
plus its runtime dependencies, started through ``Neo4jCommand console``, with
``neo4j-browser`` on the class path serving ``/browser`` and APOC core in
``plugins/``. ``provision`` copies them with Maven (strict checksums) into a
shared, cached distribution folder; each *instance* (conf, data, logs, import)
lives in its own folder, so tests get a fresh database on their own ports.

    python scripts/neo4j_server.py provision
    NEO4J_PASSWORD=... python scripts/neo4j_server.py start [--instance DIR] [--bolt-port 7687]
    python scripts/neo4j_server.py stop [--instance DIR]

Standard library only: it runs before the project's virtualenv exists.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
POMS = HERE / "neo4j"
VERSION = re.search(r"<neo4j.version>([^<]+)<", (POMS / "server.pom.xml").read_text()).group(1)
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kg" / "neo4j"
DIST = CACHE / VERSION
DEFAULT_INSTANCE = CACHE / "instance"

JAVA_17_OPENS = ["java.base/java.nio", "java.base/java.io", "java.base/sun.nio.ch"]


def _jar_artifact(name: str) -> str:
    return re.sub(r"-\d[^-]*(-[a-z]+)?\.jar$", "", name)


def provision(dist: Path = DIST, log=print) -> Path:
    """Copy the server (lib/) and APOC (plugins/) jars; a marker makes re-runs free."""
    marker = dist / "provisioned"
    if marker.exists():
        return dist
    if shutil.which("mvn") is None:
        raise SystemExit("provision: Maven (mvn) is not on PATH; it fetches Neo4j from Maven Central")
    tmp = dist.with_name(dist.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    for pom, folder in (("server.pom.xml", "lib"), ("apoc.pom.xml", "plugins")):
        log(f"provision: {pom} → {folder}/ (Maven Central, checksums enforced)")
        subprocess.run(["mvn", "-q", "-B", "-C", "-f", str(POMS / pom), "dependency:copy-dependencies",
                        f"-DoutputDirectory={tmp / folder}", "-DincludeScope=runtime"], check=True)
    # The server already ships newer copies of some of APOC's libraries; two
    # versions of one class on the class path is a bug waiting to happen.
    shipped = {_jar_artifact(p.name) for p in (tmp / "lib").glob("*.jar")}
    for jar in (tmp / "plugins").glob("*.jar"):
        if _jar_artifact(jar.name) in shipped:
            jar.unlink()
    (tmp / "provisioned").write_text(VERSION + "\n")
    shutil.rmtree(dist, ignore_errors=True)
    tmp.rename(dist)
    log(f"provision: Neo4j {VERSION} ready in {dist}")
    return dist


@dataclass
class Instance:
    folder: Path
    bolt_port: int = 7687
    http_port: int = 7474

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def pid_file(self) -> Path:
        return self.folder / "run" / "kg-neo4j.pid"

    @property
    def import_dir(self) -> Path:
        return self.folder / "import"

    @property
    def log_file(self) -> Path:
        return self.folder / "logs" / "console.log"

    def write_conf(self, dist: Path) -> None:
        for sub in ("conf", "data", "logs", "import", "run"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        f = self.folder
        lines = [
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{self.bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{self.bolt_port}",
            f"server.http.listen_address=127.0.0.1:{self.http_port}",
            f"server.http.advertised_address=127.0.0.1:{self.http_port}",
            "server.https.enabled=false",
            f"server.directories.data={f / 'data'}",
            f"server.directories.logs={f / 'logs'}",
            f"server.directories.import={f / 'import'}",
            f"server.directories.run={f / 'run'}",
            f"server.directories.plugins={dist / 'plugins'}",
            "server.memory.heap.initial_size=512m",
            "server.memory.heap.max_size=1g",
            "server.memory.pagecache.size=256m",
            "dbms.security.procedures.unrestricted=apoc.*",
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",  # Browser: no usage-collection banner, no product analytics
        ] + [f"server.jvm.additional=--add-opens={m}=ALL-UNNAMED" for m in JAVA_17_OPENS]
        (f / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n")
        (f / "conf" / "apoc.conf").write_text("apoc.import.file.enabled=true\napoc.export.file.enabled=true\n")

    def _env(self, dist: Path) -> dict:
        return {**os.environ, "NEO4J_HOME": str(dist), "NEO4J_CONF": str(self.folder / "conf")}

    def _java(self, dist: Path, main: str, *args: str, **kw) -> subprocess.CompletedProcess:
        cmd = ["java", "-cp", str(dist / "lib" / "*"), main, *args]
        return subprocess.run(cmd, env=self._env(dist), capture_output=True, text=True, **kw)

    def admin(self, *args: str, dist: Path = DIST) -> subprocess.CompletedProcess:
        """Run ``neo4j-admin`` (e.g. ``database import full``) against this instance,
        in its folder: the importer writes its ``import.report`` to the working directory."""
        self.write_conf(dist)
        return self._java(dist, "org.neo4j.server.startup.Neo4jAdminCommand", *args, cwd=self.folder)

    def running_pid(self) -> int | None:
        proc = getattr(self, "_proc", None)
        if proc is not None:  # started by this process: poll, or an exited child lingers as a zombie
            return proc.pid if proc.poll() is None else None
        try:
            pid = int(self.pid_file.read_text())
            os.kill(pid, 0)
            return pid
        except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
            return None

    def start(self, password: str, dist: Path = DIST, timeout: float = 120.0, log=print) -> None:
        """Start in the background and return once Bolt accepts connections."""
        if self.running_pid():
            log(f"start: already running (pid {self.running_pid()}) at {self.uri}")
            return
        if not (dist / "provisioned").exists():
            provision(dist, log)
        for port in (self.bolt_port, self.http_port):
            if _port_open(port):
                raise SystemExit(f"start: port {port} is already in use on 127.0.0.1")
        self.write_conf(dist)
        marker = self.folder / "password.sha256"  # a digest, never the password
        digest = hashlib.sha256(password.encode()).hexdigest()
        if not any((self.folder / "data").iterdir()):
            # "--": a password may start with "-" (token_urlsafe does, one time in 32): not an option.
            done = self._java(dist, "org.neo4j.server.startup.Neo4jAdminCommand", "dbms", "set-initial-password",
                              "--", password)
            if done.returncode:
                raise SystemExit(f"start: could not set the initial password: {done.stderr.strip()}")
            marker.write_text(digest)
        elif marker.exists() and marker.read_text().strip() != digest:
            raise SystemExit(f"start: the instance in {self.folder} was created with another password; start it "
                             f"with that one (NEO4J_PASSWORD), or `stop` it and delete {self.folder} to begin anew "
                             f"(its database goes with it)")
        console = self.log_file.open("ab")
        proc = subprocess.Popen(["java", "-cp", str(dist / "lib" / "*"), "org.neo4j.server.startup.Neo4jCommand",
                                 "console"], env=self._env(dist), stdout=console, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self._proc = proc
        self.pid_file.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"start: Neo4j exited with {proc.returncode}; see {self.log_file}")
            if _port_open(self.bolt_port) and b"Started." in self.log_file.read_bytes():
                log(f"start: Neo4j {VERSION} at {self.uri}, Browser at http://127.0.0.1:{self.http_port}/browser/")
                return
            time.sleep(0.5)
        self.stop()
        raise SystemExit(f"start: Neo4j did not answer on Bolt within {timeout:.0f} s; see {self.log_file}")

    def stop(self, timeout: float = 60.0, log=print) -> None:
        pid = self.running_pid()
        if pid is None:
            return
        os.killpg(pid, signal.SIGTERM)  # the launcher and the server JVM it forked
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.running_pid():
            time.sleep(0.3)
        if self.running_pid():
            os.killpg(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        log(f"stop: Neo4j of {self.folder} stopped")


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dotenv(path: Path = Path(".env")) -> dict[str, str]:
    """KEY=VALUE lines of the .env file docker compose reads (standard library only)."""
    if not path.exists():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))
    return {k.strip(): v.strip().strip("'\"") for k, v in pairs}


def bulk_import(inst: "Instance", folder: Path, password: str, database: str = "neo4j", log=print) -> None:
    """`kg csv` files into this instance with `neo4j-admin database import full` (the database is replaced), then
    the constraints and indexes of their ``schema.cypher`` (the importer creates none). The server must be
    stopped for the import; it is started afterwards to create the schema, and left running."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # kg, from the checkout this script is in
    from neo4j import GraphDatabase

    from kg.neo4j.bulk import CsvExport
    from kg.neo4j.queries import split_statements

    if inst.running_pid():
        raise SystemExit(f"import: Neo4j of {inst.folder} is running; `make neo4j-stop` first (the import "
                         f"replaces database {database!r})")
    export = CsvExport.from_folder(folder)
    if not (DIST / "provisioned").exists():
        provision(DIST, log)
    inst.write_conf(DIST)
    if not any((inst.folder / "data").iterdir()):
        done = inst.admin("dbms", "set-initial-password", "--", password)
        if done.returncode:
            raise SystemExit(f"import: could not set the initial password: {done.stderr.strip()}")
        (inst.folder / "password.sha256").write_text(hashlib.sha256(password.encode()).hexdigest())
    done = inst.admin(*export.arguments(database))
    if done.returncode:
        raise SystemExit(f"import: neo4j-admin failed (report in {inst.folder}):\n{done.stderr[-2000:]}")
    log(f"import: {len(export.nodes)} node files, {len(export.relationships)} relationship files into {database!r}")
    inst.start(password, log=log)
    if export.schema is not None:
        with GraphDatabase.driver(inst.uri, auth=("neo4j", password)) as driver:
            for statement in split_statements(export.schema.read_text(encoding="utf-8")):
                driver.execute_query(statement, database_=database)
        log(f"import: constraints and indexes of {export.schema} created")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("action", choices=["provision", "start", "stop", "status", "import"])
    p.add_argument("csv", nargs="?", type=Path, help="import: the folder `kg csv` wrote (nodes_*.csv …)")
    p.add_argument("--database", default="neo4j", help="import: the database to replace (default neo4j)")
    p.add_argument("--instance", type=Path, default=DEFAULT_INSTANCE, help=f"instance folder ({DEFAULT_INSTANCE})")
    p.add_argument("--bolt-port", type=int, default=7687)
    p.add_argument("--http-port", type=int, default=7474)
    args = p.parse_args(argv)
    inst = Instance(args.instance, args.bolt_port, args.http_port)
    if args.action == "provision":
        provision()
    elif args.action == "start":
        password = os.environ.get("NEO4J_PASSWORD") or _dotenv().get("NEO4J_PASSWORD")
        if not password:
            raise SystemExit("start: set NEO4J_PASSWORD in the environment or .env (the initial password of a new "
                             "instance)")
        inst.start(password)
    elif args.action == "import":
        password = os.environ.get("NEO4J_PASSWORD") or _dotenv().get("NEO4J_PASSWORD")
        if not args.csv or not password:
            raise SystemExit("import: give the folder `kg csv` wrote, and set NEO4J_PASSWORD (environment or .env)")
        bulk_import(inst, args.csv, password, args.database)
    elif args.action == "stop":
        inst.stop()
    else:
        pid = inst.running_pid()
        print(f"running (pid {pid}), instance {inst.folder}" if pid else "not running")
        return 0 if pid else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
