"""The CPUs a container lets this process use: the quota of its control groups (cgroups).

`--jobs` defaults to one process per core the process may run on. In a container the
kernel's count of cores is the host's: a CI runner on Kubernetes or a `docker run --cpus 2`
on a 64-core host sees 64 cores, and 64 workers each importing pandas (a few hundred MB
apiece) would share two CPUs' worth of time and could exhaust the container's memory. The
limit is a quota of CPU time per period, set on the process's cgroup or on any cgroup above
it; the smallest along the way binds. Both hierarchies are read:

- cgroup v2: `cpu.max` ("200000 100000": 2 CPUs; "max 100000": no limit);
- cgroup v1: `cpu.cfs_quota_us` and `cpu.cfs_period_us` (-1: no limit).

Where the cgroups are mounted and which one the process is in come from
/proc/self/mountinfo and /proc/self/cgroup, as the Go and Java runtimes read them. Anything
missing or unreadable means no known limit: the count of cores stands.

Pure Python and cheap (a few small reads): `--help` does not call it.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_PROC = Path("/proc/self")


@dataclass(frozen=True)
class _Mount:
    point: Path  # where the hierarchy is mounted in this process's view
    root: PurePosixPath  # the cgroup its mount point shows (a container's own, often "/")
    version: int  # 1 or 2


def cpu_quota(proc: Path = _PROC) -> float | None:
    """The CPUs the process's cgroups allow it (2.0, 0.5), the smallest quota along its
    cgroup and those above it; None where no quota is set or none can be read."""
    try:
        mounts = _cpu_mounts((proc / "mountinfo").read_text(encoding="utf-8", errors="replace"))
        memberships = _memberships((proc / "cgroup").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    quotas = []
    for mount in mounts:
        path = memberships.get(mount.version)
        if path is None:
            continue
        quota = _smallest_quota(mount, path)
        if quota is not None:
            quotas.append(quota)
    return min(quotas, default=None)


def cores_allowed(cores: int, proc: Path = _PROC) -> int:
    """`cores`, or fewer where a cgroup quota allows fewer CPUs (rounded up: a quota of 1.5
    CPUs keeps two processes busy), never less than one."""
    quota = cpu_quota(proc)
    if quota is None:
        return cores
    return max(1, min(cores, math.ceil(quota)))


def _cpu_mounts(mountinfo: str) -> list[_Mount]:
    """The mounts of the cgroup hierarchies that hold the CPU controller."""
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
        elif source[0] == "cgroup" and len(source) >= 3 and "cpu" in source[2].split(","):
            mounts.append(_Mount(Path(point), PurePosixPath(root), 1))
    return mounts


def _memberships(cgroup: str) -> dict[int, PurePosixPath]:
    """The process's cgroup in the v2 hierarchy and in the v1 hierarchy of the CPU
    controller, by version."""
    found: dict[int, PurePosixPath] = {}
    for line in cgroup.splitlines():
        # "0::/kubepods/pod1/abc" (v2); "4:cpu,cpuacct:/docker/abc" (v1)
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        number, controllers, path = parts
        if number == "0" and not controllers:
            found.setdefault(2, PurePosixPath(path))
        elif "cpu" in controllers.split(","):
            found.setdefault(1, PurePosixPath(path))
    return found


def _smallest_quota(mount: _Mount, cgroup: PurePosixPath) -> float | None:
    """The smallest quota from the process's cgroup up to the mount's root."""
    try:  # the cgroup as seen under the mount: a container sees its own as the root
        inside = cgroup.relative_to(mount.root)
    except ValueError:
        inside = PurePosixPath()
    folder = mount.point.joinpath(*inside.parts)
    quotas = []
    while True:
        quota = _quota_in(folder, mount.version)
        if quota is not None:
            quotas.append(quota)
        if folder == mount.point or folder.parent == folder:
            break
        folder = folder.parent
    return min(quotas, default=None)


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


def _unescaped(field: str) -> str:
    r"""A mountinfo path with its octal escapes decoded ("\040" is a space)."""
    if "\\" not in field:
        return field
    return os.fsdecode(
        field.encode("latin-1", "replace").decode("unicode_escape").encode("latin-1", "replace")
    )
