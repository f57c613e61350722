"""The hosting files (GitHub Actions, GitLab CI, Netlify) run the README's commands, give the build the address
the host serves the site at, and publish the folder the build writes: the README's "Publish" stays true."""

from __future__ import annotations

import re
import shlex
import tomllib

import pytest
import yaml
from conftest import ROOT

GITHUB = ROOT / ".github" / "workflows" / "site.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
NETLIFY = ROOT / "netlify.toml"

# `make install` runs `wise vendor`, which fetches the web editor's script with `npm pack`: every job that runs make
# needs npm (a host's own image, like Netlify's, has it already).
MAKE_NEEDS = {"npm"}

MAKE = re.compile(r"(?:^|[\s;&|(])make\s+([a-z][\w-]*)")


# --- reading the files -------------------------------------------------------------------------------------------


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def github() -> dict:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true; GitHub reads it as "on".
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def gitlab_jobs() -> dict[str, dict]:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    # Jobs are the top-level mappings with a script; the rest is configuration (image, stages, variables…).
    return {name: value for name, value in config.items() if isinstance(value, dict) and "script" in value}


def netlify() -> dict:
    return tomllib.loads(NETLIFY.read_text(encoding="utf-8"))


def github_commands(job: dict) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def gitlab_commands(job: dict) -> list[str]:
    return [line for key in ("before_script", "script") for line in job.get(key, [])]


def every_job() -> dict[str, list[str]]:
    """Every job of every hosting file that runs shell commands, by a readable name, with those commands.
    (GitHub's deploy job only calls an action.)"""
    jobs = {f"github:{name}": github_commands(job) for name, job in github()["jobs"].items()}
    jobs |= {f"gitlab:{name}": gitlab_commands(job) for name, job in gitlab_jobs().items()}
    jobs["netlify:build"] = [netlify()["build"]["command"]]
    return {name: commands for name, commands in jobs.items() if commands}


def make_targets(commands: list[str]) -> list[str]:
    return [target for command in commands for target in MAKE.findall(command)]


def apt_packages(commands: list[str]) -> set[str]:
    """The packages the `apt-get install` lines of these commands install; a bash array expanded there
    (`"${missing[@]}"`, as .ci/run does) counts as every name the script puts into it."""
    script = "\n".join(commands).replace("\\\n", " ")
    arrays: dict[str, set[str]] = {}
    for name, values in re.findall(r"(\w+)\+?=\(([^)]*)\)", script):
        arrays.setdefault(name, set()).update(shlex.split(values))
    packages: set[str] = set()
    for line in script.splitlines():
        words = shlex.split(line, comments=True) if "apt-get" in line else []
        if "apt-get" not in words or "install" not in words:
            continue
        for word in words[words.index("install") + 1 :]:
            if array := re.fullmatch(r"\$\{(\w+)\[@\]\}", word):
                packages |= arrays.get(array.group(1), set())
            elif re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", word):  # a Debian package name, not an option or redirection
                packages.add(word)
    return packages


def documented_targets() -> set[str]:
    return set(MAKE.findall(text("README.md")))


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", text("Makefile"), re.M))


def setting(config: str, key: str, default: str) -> str:
    """A top-level setting of mkdocs.yml, read with a regex: its `!ENV` and python-name tags defeat safe_load."""
    found = re.search(rf"^{key}:\s*['\"]?([^'\"#\s]+)", text(config), re.M)
    return found.group(1).rstrip("/") if found else default


def site_dir() -> str:
    return setting("mkdocs.yml", "site_dir", "site")  # MkDocs's default


def docs_dir() -> str:
    return setting("mkdocs.yml", "docs_dir", "docs")


def required_python() -> tuple[int, int]:
    spec = tomllib.loads(text("pyproject.toml"))["project"]["requires-python"]
    major, minor = re.search(r">=\s*(\d+)\.(\d+)", spec).groups()
    return int(major), int(minor)


def python_of(image: str) -> tuple[int, int]:
    major, minor = re.match(r"python:(\d+)\.(\d+)", image).groups()
    return int(major), int(minor)


def packages_for_tests() -> set[str]:
    """The Debian packages the README and .ci/run install for `make test`, and what make itself needs."""
    readme = {p for line in re.findall(r"apt-get install ([^`\n]+)", text("README.md")) for p in line.split()}
    return readme | apt_packages([text(".ci/run")]) | MAKE_NEEDS


def step_using(job: dict, action: str) -> dict:
    steps = [step for step in job.get("steps", []) if step.get("uses", "").split("@")[0] == action]
    assert steps, f"no step uses {action}"
    return steps[0]


def github_job_running(target: str) -> tuple[str, dict]:
    jobs = [(name, job) for name, job in github()["jobs"].items() if target in make_targets(github_commands(job))]
    assert len(jobs) == 1, f"one GitHub job should run make {target}: {[name for name, _ in jobs]}"
    return jobs[0]


# --- every host runs the README's commands -------------------------------------------------------------------------


@pytest.mark.parametrize("job", sorted(every_job()))
def test_hosting_runs_only_commands_the_readme_documents(job):
    targets = make_targets(every_job()[job])
    assert targets, f"{job} runs no make command"
    assert set(targets) <= documented_targets(), f"{job} runs a make command the README does not document"
    assert set(targets) <= makefile_targets(), f"{job} runs a make target the Makefile does not have"


def test_the_test_jobs_run_the_readme_test_command_as_written():
    test_job = github_job_running("test")[1]
    assert "make test" in github_commands(test_job)
    assert "make test" in gitlab_commands(gitlab_jobs()["test"])


def test_the_test_jobs_install_the_debian_packages_readme_and_ci_name():
    needed = packages_for_tests()
    assert "chromium" in needed  # the browser tests; the README must not lose it
    assert needed <= apt_packages(github_commands(github_job_running("test")[1]))
    assert needed <= apt_packages(gitlab_commands(gitlab_jobs()["test"]))


@pytest.mark.parametrize("job", sorted(name for name in every_job() if not name.startswith("netlify:")))
def test_every_job_that_runs_make_installs_what_make_needs(job):
    assert MAKE_NEEDS <= apt_packages(every_job()[job])


def test_jobs_run_in_debian_with_the_python_the_project_requires():
    """Debian for its chromium package (Ubuntu's is a snap); Python as pyproject.toml's requires-python."""
    images = [job.get("container") for job in github()["jobs"].values() if github_commands(job)]
    images.append(yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["image"])
    for image in images:
        assert image and re.search(r"bookworm|trixie|debian", image), f"{image} is not a Debian image"
        assert python_of(image) >= required_python()
    version = tuple(int(n) for n in netlify()["build"]["environment"]["PYTHON_VERSION"].split(".")[:2])
    assert version >= required_python()


@pytest.mark.parametrize("job", sorted(every_job()))
def test_every_site_url_ends_with_a_slash_as_the_readme_gives_it(job):
    for value in site_urls().get(job, []):
        assert value.endswith("/"), f"{job}: SITE_URL {value!r}"


def site_urls() -> dict[str, list[str]]:
    urls: dict[str, list[str]] = {}
    for name, job in github()["jobs"].items():
        urls[f"github:{name}"] = [step["env"]["SITE_URL"] for step in job.get("steps", []) if "SITE_URL" in step.get("env", {})]
    for name, job in gitlab_jobs().items():
        urls[f"gitlab:{name}"] = [job["variables"]["SITE_URL"]] if "SITE_URL" in job.get("variables", {}) else []
    urls["netlify:build"] = re.findall(r"SITE_URL=(\S+)", netlify()["build"]["command"])
    return urls


def test_edit_links_point_into_the_docs_folder():
    edit_uris = [step["env"]["EDIT_URI"] for job in github()["jobs"].values() for step in job.get("steps", []) if "EDIT_URI" in step.get("env", {})]
    edit_uris += [job["variables"]["EDIT_URI"] for job in gitlab_jobs().values() if "EDIT_URI" in job.get("variables", {})]
    assert edit_uris
    for uri in edit_uris:
        assert uri.endswith(f"/{docs_dir()}/"), uri


# --- GitHub Pages ----------------------------------------------------------------------------------------------------


def test_github_tests_every_pull_request_and_the_main_branch():
    on = github()["on"]
    assert "pull_request" in on and "main" in on["push"]["branches"]
    assert "if" not in github_job_running("test")[1]


def test_github_builds_with_the_address_configure_pages_gives():
    name, build = github_job_running("build")
    pages = step_using(build, "actions/configure-pages")
    step = next(step for step in build["steps"] if "make build" in step.get("run", ""))
    assert re.fullmatch(rf"\$\{{\{{ steps\.{pages['id']}\.outputs\.base_url \}}\}}/", step["env"]["SITE_URL"])
    assert build["steps"].index(pages) < build["steps"].index(step)
    assert "default_branch" in build.get("if", ""), "only the default branch is published"
    assert "test" in build["needs"]


def test_github_uploads_what_make_build_writes_and_deploys_it_with_the_permissions_pages_needs():
    name, build = github_job_running("build")
    assert step_using(build, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == site_dir()
    workflow = github()
    deploy = next(job for job in workflow["jobs"].values() if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", [])))
    assert name in ([deploy["needs"]] if isinstance(deploy["needs"], str) else deploy["needs"])
    permissions = workflow.get("permissions", {}) | deploy.get("permissions", {})
    assert permissions.get("pages") == "write" and permissions.get("id-token") == "write"
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read"}, "nothing else gets more than reading"


# --- GitLab Pages ----------------------------------------------------------------------------------------------------


def test_gitlab_tests_merge_requests_and_the_default_branch():
    conditions = [rule["if"] for rule in gitlab_jobs()["test"]["rules"]]
    assert any("merge_request_event" in c for c in conditions)
    assert any("$CI_DEFAULT_BRANCH" in c for c in conditions)


def test_gitlab_pages_builds_with_its_pages_address_and_publishes_what_make_build_writes():
    pages = gitlab_jobs()["pages"]
    assert [rule["if"] for rule in pages["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert pages["variables"]["SITE_URL"] == "$CI_PAGES_URL/"
    script = gitlab_commands(pages)
    assert "make build" in script
    if isinstance(pages.get("pages"), dict) and "publish" in pages["pages"]:
        published = pages["pages"]["publish"].rstrip("/")
    else:
        # GitLab Pages serves public/: the build's folder must be moved (or copied) there after the build.
        moves = [line for line in script[script.index("make build") :] if re.fullmatch(rf"(mv|cp -r|cp -a) {site_dir()}/? public/?", line)]
        assert moves, f"nothing moves {site_dir()}/ to public/ after make build"
        published = "public"
    assert published in [path.rstrip("/") for path in pages["artifacts"]["paths"]]


# --- Netlify ---------------------------------------------------------------------------------------------------------


def test_netlify_builds_with_its_address_and_publishes_what_make_build_writes():
    build = netlify()["build"]
    assert re.fullmatch(r"SITE_URL=\$URL/ make build", build["command"])
    assert build["publish"].rstrip("/") == site_dir()
