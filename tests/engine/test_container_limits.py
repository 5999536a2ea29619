"""The CPUs and the memory a container's cgroups allow (`procaudit.engine.container_limits`),
which bound `--jobs`' default: fake /proc/self and cgroup trees, one case a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.engine.container_limits import (
    WORKER_BYTES,
    cores_allowed,
    cpu_quota,
    jobs_allowed,
    memory_headroom,
)

V2 = "cgroup2 cgroup2 rw,nsdelegate"
V1_CPU = "cgroup cgroup rw,cpu,cpuacct"
V1_MEMORY = "cgroup cgroup rw,memory"


def _machine(
    tmp_path: Path,
    mounts: list[tuple[str, str, str]],  # (root, mount folder under tmp_path, source)
    cgroup: str,
    files: dict[str, str],  # path under tmp_path -> content
) -> Path:
    """A /proc/self of a process whose cgroup hierarchies are mounted under tmp_path."""
    proc = tmp_path / "proc"
    proc.mkdir()
    lines = [
        f"{30 + i} 25 0:{40 + i} {root} {tmp_path / point} rw,nosuid shared:{i} - {source}"
        for i, (root, point, source) in enumerate(mounts)
    ]
    (proc / "mountinfo").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (proc / "cgroup").write_text(cgroup, encoding="utf-8")
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="ascii")
    for _, point, _ in mounts:
        (tmp_path / point).mkdir(parents=True, exist_ok=True)
    return proc


CASES = {
    # docker run --cpus 2, cgroup v2 with its own namespace: the container's cgroup is "/"
    "v2 container, 2 CPUs": (
        [("/", "fs/cgroup", V2)],
        "0::/\n",
        {"fs/cgroup/cpu.max": "200000 100000\n"},
        2.0,
    ),
    "v2, no limit": (
        [("/", "fs/cgroup", V2)],
        "0::/\n",
        {"fs/cgroup/cpu.max": "max 100000\n"},
        None,
    ),
    # Kubernetes: the pod's cgroup limits, the container's below it does not
    "v2, the limit set above the process's cgroup": (
        [("/", "fs/cgroup", V2)],
        "0::/kubepods/pod1/ctr\n",
        {
            "fs/cgroup/kubepods/pod1/cpu.max": "150000 100000\n",
            "fs/cgroup/kubepods/pod1/ctr/cpu.max": "max 100000\n",
        },
        1.5,
    ),
    "v2, the smallest of two limits": (
        [("/", "fs/cgroup", V2)],
        "0::/a/b\n",
        {"fs/cgroup/a/cpu.max": "400000 100000\n", "fs/cgroup/a/b/cpu.max": "300000 100000\n"},
        3.0,
    ),
    # cgroup v1 without a namespace: the mount shows the container's own cgroup
    "v1 container, half a CPU": (
        [("/docker/abc", "fs/cgroup/cpu,cpuacct", V1_CPU), ("/docker/abc", "fs/mem", V1_MEMORY)],
        "5:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n0::/\n",
        {
            "fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "50000\n",
            "fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n",
        },
        0.5,
    ),
    "v1, no limit": (
        [("/", "fs/cpu", V1_CPU)],
        "4:cpu,cpuacct:/\n",
        {"fs/cpu/cpu.cfs_quota_us": "-1\n", "fs/cpu/cpu.cfs_period_us": "100000\n"},
        None,
    ),
    # hybrid: v1 holds the CPU controller, v2's unified tree sets no cpu.max
    "v1 limit beside a v2 tree without one": (
        [("/", "fs/cpu", V1_CPU), ("/", "fs/unified", V2)],
        "4:cpu,cpuacct:/job\n0::/job\n",
        {"fs/cpu/job/cpu.cfs_quota_us": "400000\n", "fs/cpu/job/cpu.cfs_period_us": "100000\n"},
        4.0,
    ),
    "a memory-only v1 hierarchy is no CPU limit": (
        [("/", "fs/mem", V1_MEMORY)],
        "5:memory:/\n",
        {"fs/mem/cpu.cfs_quota_us": "50000\n", "fs/mem/cpu.cfs_period_us": "100000\n"},
        None,
    ),
    # the process's cgroup lies outside what the mount shows: the mount's own limit counts
    "a cgroup outside the mount's root": (
        [("/docker/abc", "fs/cgroup", V2)],
        "0::/elsewhere\n",
        {"fs/cgroup/cpu.max": "100000 100000\n"},
        1.0,
    ),
    "a mount point with a space in it": (
        [("/", "fs/c\\040g", V2)],
        "0::/\n",
        {"fs/c g/cpu.max": "250000 100000\n"},
        2.5,
    ),
    "no cgroup mounted": ([], "0::/\n", {}, None),
    "unreadable limits": (
        [("/", "fs/cgroup", V2)],
        "0::/\n",
        {"fs/cgroup/cpu.max": "lots\n"},
        None,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_cpu_quota_is_the_smallest_along_the_process_cgroup(tmp_path: Path, case: str) -> None:
    mounts, cgroup, files, expected = CASES[case]
    # the escaped mount point is made under its real name
    real_mounts = [(root, point.replace("\\040", " "), source) for root, point, source in mounts]
    proc = _machine(tmp_path, real_mounts, cgroup, files)
    if any("\\040" in point for _, point, _ in mounts):  # mountinfo escapes the space
        text = (proc / "mountinfo").read_text(encoding="utf-8").replace("c g", "c\\040g")
        (proc / "mountinfo").write_text(text, encoding="utf-8")
    assert cpu_quota(proc) == expected


@pytest.mark.parametrize(
    ("quota", "cores", "allowed"),
    [
        ("200000 100000", 64, 2),  # docker --cpus 2 on a 64-core host
        ("150000 100000", 64, 2),  # 1.5 CPUs keep two processes busy
        ("50000 100000", 64, 1),  # never fewer than one
        ("800000 100000", 4, 4),  # a quota above the cores does not add any
        ("max 100000", 8, 8),
    ],
)
def test_jobs_default_to_the_cores_the_quota_allows(
    tmp_path: Path, quota: str, cores: int, allowed: int
) -> None:
    proc = _machine(tmp_path, [("/", "cg", V2)], "0::/\n", {"cg/cpu.max": quota + "\n"})
    assert cores_allowed(cores, proc) == allowed


def test_no_proc_means_no_known_limit(tmp_path: Path) -> None:
    assert cpu_quota(tmp_path / "nowhere") is None
    assert cores_allowed(6, tmp_path / "nowhere") == 6


GB = 1_000_000_000
MEMORY_CASES = {
    # docker run --memory 1g, cgroup v2: 1 GB, 300 MB of it used
    "v2 container": (
        [("/", "fs/cgroup", V2)],
        "0::/\n",
        {"fs/cgroup/memory.max": f"{GB}\n", "fs/cgroup/memory.current": "300000000\n"},
        700_000_000,
    ),
    "v2, no limit": (
        [("/", "fs/cgroup", V2)],
        "0::/\n",
        {"fs/cgroup/memory.max": "max\n", "fs/cgroup/memory.current": "300000000\n"},
        None,
    ),
    # the pod's limit leaves less than the container's own
    "v2, the least left along the way": (
        [("/", "fs/cgroup", V2)],
        "0::/pod/ctr\n",
        {
            "fs/cgroup/pod/memory.max": f"{2 * GB}\n",
            "fs/cgroup/pod/memory.current": f"{int(1.8 * GB)}\n",
            "fs/cgroup/pod/ctr/memory.max": f"{GB}\n",
            "fs/cgroup/pod/ctr/memory.current": "100000000\n",
        },
        200_000_000,
    ),
    "v1 container": (
        [("/", "fs/memory", V1_MEMORY), ("/", "fs/cpu", V1_CPU)],
        "5:memory:/job\n4:cpu,cpuacct:/job\n",
        {
            "fs/memory/job/memory.limit_in_bytes": f"{2 * GB}\n",
            "fs/memory/job/memory.usage_in_bytes": f"{GB}\n",
        },
        GB,
    ),
    # v1 writes "no limit" as a page-aligned LONG_MAX
    "v1, no limit": (
        [("/", "fs/memory", V1_MEMORY)],
        "5:memory:/job\n",
        {
            "fs/memory/job/memory.limit_in_bytes": "9223372036854771712\n",
            "fs/memory/job/memory.usage_in_bytes": f"{GB}\n",
        },
        None,
    ),
    "a CPU-only v1 hierarchy is no memory limit": (
        [("/", "fs/cpu", V1_CPU)],
        "4:cpu,cpuacct:/\n",
        {"fs/cpu/memory.limit_in_bytes": f"{GB}\n"},
        None,
    ),
    "a limit without its usage": (
        [("/", "fs/cgroup", V2)],
        "0::/\n",
        {"fs/cgroup/memory.max": f"{GB}\n"},
        GB,
    ),
    "no cgroup mounted": ([], "0::/\n", {}, None),
}


@pytest.mark.parametrize("case", MEMORY_CASES, ids=list(MEMORY_CASES))
def test_the_memory_left_is_the_least_along_the_process_cgroup(tmp_path: Path, case: str) -> None:
    mounts, cgroup, files, expected = MEMORY_CASES[case]
    proc = _machine(tmp_path, mounts, cgroup, files)
    assert memory_headroom(proc, tmp_path / "no-meminfo") == expected


@pytest.mark.parametrize(
    ("meminfo", "limit", "left"),
    [
        ("MemTotal: 8000000 kB\nMemAvailable: 500000 kB\n", f"{GB}", 512_000_000),
        ("MemTotal: 8000000 kB\nMemAvailable: 4000000 kB\n", f"{GB}", GB),
        ("MemAvailable: 4000000 kB\n", "max", 4_096_000_000),
        ("MemTotal: 8000000 kB\n", "max", None),  # a kernel before 3.14
    ],
)
def test_the_machine_available_memory_bounds_it_too(
    tmp_path: Path, meminfo: str, limit: str, left: int | None
) -> None:
    proc = _machine(tmp_path, [("/", "cg", V2)], "0::/\n", {"cg/memory.max": limit + "\n"})
    (tmp_path / "meminfo").write_text(meminfo, encoding="ascii")
    assert memory_headroom(proc, tmp_path / "meminfo") == left


@pytest.mark.parametrize(
    ("cpus", "memory", "cores", "jobs"),
    [
        ("max 100000", "max", 8, 8),
        ("max 100000", str(4 * WORKER_BYTES + 1), 64, 5),  # this process and four workers
        ("max 100000", str(WORKER_BYTES - 1), 64, 1),  # never fewer than one
        ("200000 100000", str(100 * WORKER_BYTES), 64, 2),  # the CPUs bind first
        ("max 100000", str(100 * WORKER_BYTES), 4, 4),
    ],
)
def test_jobs_default_to_what_the_cpus_and_the_memory_allow(
    tmp_path: Path, cpus: str, memory: str, cores: int, jobs: int
) -> None:
    files = {"cg/cpu.max": cpus + "\n", "cg/memory.max": memory + "\n"}
    proc = _machine(tmp_path, [("/", "cg", V2)], "0::/\n", files)
    assert jobs_allowed(cores, proc, tmp_path / "no-meminfo") == jobs
