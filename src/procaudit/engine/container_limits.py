"""What a container lets this process use: the CPUs and the memory its control groups
(cgroups) allow, which bound `--jobs`' default.

`--jobs` defaults to one process per core the process may run on. In a container the
kernel's count of cores is the host's: a CI runner on Kubernetes or a `docker run --cpus 2`
on a 64-core host sees 64 cores, and 64 workers each importing pandas would share two CPUs'
worth of time. The limit is a quota of CPU time per period, set on the process's cgroup or on
any cgroup above it; the smallest along the way binds. And each worker is a Python process of
its own (spawned, `engine.parallel`) holding ~200 MB once pandas and the rules are imported:
eight of them in a 1 GB container, or on a small machine, would be killed by the kernel's
out-of-memory killer, the report lost. So the memory left to the process's cgroups (their
limit less what they use, the least along the way) and the machine's available memory
bound the workers too (`jobs_allowed`). Both hierarchies are read:

- cgroup v2: `cpu.max` ("200000 100000": 2 CPUs; "max 100000": no limit), `memory.max`
  and `memory.current`;
- cgroup v1: `cpu.cfs_quota_us` and `cpu.cfs_period_us` (-1: no limit),
  `memory.limit_in_bytes` (a huge number: no limit) and `memory.usage_in_bytes`.

Where the cgroups are mounted and which one the process is in come from
/proc/self/mountinfo and /proc/self/cgroup, as the Go and Java runtimes read them. Anything
missing or unreadable means no known limit: the count of cores stands.

Pure Python and cheap (a few small reads): `--help` does not call it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_PROC = Path("/proc/self")
_MEMINFO = Path("/proc/meminfo")

# What one worker holds: a spawned Python with pandas, pandera and the rules imported, and
# a small file's audit (a whole `procaudit check` of a commune's file peaks at ~200 MB).
WORKER_BYTES = 250_000_000
# cgroup v1 writes "no limit" as the largest page-aligned 64-bit number: anything this large.
_NO_LIMIT = 1 << 62


@dataclass(frozen=True)
class _Mount:
    point: Path  # where the hierarchy is mounted in this process's view
    root: PurePosixPath  # the cgroup its mount point shows (a container's own, often "/")
    version: int  # 1 or 2


def cpu_quota(proc: Path = _PROC) -> float | None:
    """The CPUs the process's cgroups allow it (2.0, 0.5), the smallest quota along its
    cgroup and those above it; None where no quota is set or none can be read."""
    return _least(proc, "cpu", _quota_in)


def memory_headroom(proc: Path = _PROC, meminfo: Path = _MEMINFO) -> int | None:
    """The bytes the process's cgroups have left (their limit less what they use, the least
    along its cgroup and those above it), or the machine's available memory if less; None
    where neither can be read."""
    left = _least(proc, "memory", _headroom_in)
    available = _available(meminfo)
    known = [int(value) for value in (left, available) if value is not None]
    return min(known, default=None)


def cores_allowed(cores: int, proc: Path = _PROC) -> int:
    """`cores`, or fewer where a cgroup quota allows fewer CPUs (rounded up: a quota of 1.5
    CPUs keeps two processes busy), never less than one."""
    quota = cpu_quota(proc)
    if quota is None:
        return cores
    return max(1, min(cores, math.ceil(quota)))


def jobs_allowed(cores: int, proc: Path = _PROC, meminfo: Path = _MEMINFO) -> int:
    """The processes to audit with: `cores_allowed`, and no more workers beside this process
    (which holds its memory already) than the memory left holds (`WORKER_BYTES` each);
    never less than one."""
    jobs = cores_allowed(cores, proc)
    headroom = memory_headroom(proc, meminfo)
    if headroom is None:
        return jobs
    return max(1, min(jobs, 1 + headroom // WORKER_BYTES))


def _least(proc: Path, controller: str, read: Callable[[Path, int], float | None]) -> float | None:
    """The least of what `read` finds in the folders of the process's cgroups holding
    `controller`, from its own up to each hierarchy's mount; None where it finds nothing."""
    try:
        mountinfo = (proc / "mountinfo").read_text(encoding="utf-8", errors="replace")
        membership = (proc / "cgroup").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    memberships = _memberships(membership, controller)
    found = []
    for mount in _mounts(mountinfo, controller):
        path = memberships.get(mount.version)
        if path is None:
            continue
        found += [v for f in _folders(mount, path) if (v := read(f, mount.version)) is not None]
    return min(found, default=None)


def _mounts(mountinfo: str, controller: str) -> list[_Mount]:
    """The mounts of the cgroup hierarchies that may hold `controller`: v2's unified one,
    and v1's of that controller."""
    mounts = []
    for line in mountinfo.splitlines():
        # "36 25 0:31 / /sys/fs/cgroup/cpu,cpuacct rw,... shared:9 - cgroup cgroup rw,cpu,cpuacct"
        before, separator, after = line.partition(" - ")
        fields, source = before.split(), after.split()
        if not separator or len(fields) < 5 or not source:
            continue
        root, point = _unescaped(fields[3]), _unescaped(fields[4])
        if source[0] == "cgroup2":
            mounts.append(_Mount(Path(point), PurePosixPath(root), 2))
        elif source[0] == "cgroup" and len(source) >= 3 and controller in source[2].split(","):
            mounts.append(_Mount(Path(point), PurePosixPath(root), 1))
    return mounts


def _memberships(cgroup: str, controller: str) -> dict[int, PurePosixPath]:
    """The process's cgroup in the v2 hierarchy and in the v1 hierarchy of `controller`, by
    version."""
    found: dict[int, PurePosixPath] = {}
    for line in cgroup.splitlines():
        # "0::/kubepods/pod1/abc" (v2); "4:cpu,cpuacct:/docker/abc" (v1)
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        number, controllers, path = parts
        if number == "0" and not controllers:
            found.setdefault(2, PurePosixPath(path))
        elif controller in controllers.split(","):
            found.setdefault(1, PurePosixPath(path))
    return found


def _folders(mount: _Mount, cgroup: PurePosixPath) -> list[Path]:
    """The folders of the process's cgroup and of those above it, up to the mount's root."""
    try:  # the cgroup as seen under the mount: a container sees its own as the root
        inside = cgroup.relative_to(mount.root)
    except ValueError:
        inside = PurePosixPath()
    folder = mount.point.joinpath(*inside.parts)
    folders = [folder]
    while folder != mount.point and folder.parent != folder:
        folder = folder.parent
        folders.append(folder)
    return folders


def _quota_in(folder: Path, version: int) -> float | None:
    """The quota one cgroup's folder sets, in CPUs; None where it sets none."""
    try:
        if version == 2:
            quota, _, period = (folder / "cpu.max").read_text(encoding="ascii").partition(" ")
        else:
            quota = (folder / "cpu.cfs_quota_us").read_text(encoding="ascii")
            period = (folder / "cpu.cfs_period_us").read_text(encoding="ascii")
        quota_us, period_us = int(quota), int(period)
    except (OSError, ValueError, UnicodeDecodeError):  # no such file, or v2's "max": no limit
        return None
    if quota_us <= 0 or period_us <= 0:  # v1's -1: no limit
        return None
    return quota_us / period_us


def _headroom_in(folder: Path, version: int) -> float | None:
    """The bytes one cgroup's memory limit leaves it; None where it sets none."""
    limit_file, usage_file = (
        ("memory.max", "memory.current")
        if version == 2
        else ("memory.limit_in_bytes", "memory.usage_in_bytes")
    )
    try:
        limit = int((folder / limit_file).read_text(encoding="ascii"))
    except (OSError, ValueError, UnicodeDecodeError):  # no such file, or v2's "max"
        return None
    if limit <= 0 or limit >= _NO_LIMIT:
        return None
    try:
        usage = int((folder / usage_file).read_text(encoding="ascii"))
    except (OSError, ValueError, UnicodeDecodeError):
        usage = 0
    return max(0, limit - usage)


def _available(meminfo: Path) -> int | None:
    """The machine's available memory (`MemAvailable` of /proc/meminfo), in bytes."""
    try:
        text = meminfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name == "MemAvailable":
            number, _, unit = value.strip().partition(" ")
            if number.isdigit():
                return int(number) * (1024 if unit.strip() == "kB" else 1)
    return None


def _unescaped(field: str) -> str:
    r"""A mountinfo path with its octal escapes decoded ("\040" is a space)."""
    if "\\" not in field:
        return field
    return os.fsdecode(
        field.encode("latin-1", "replace").decode("unicode_escape").encode("latin-1", "replace")
    )
