"""Download official list files and move them into place only when they are whole and parse.

The failure this guards against is quiet: a proxy that serves an HTML error page with status
200, a connection that drops after half the file, a publisher that moves the file. Each of
those, written straight over the good copy, leaves a KYC system screening against nothing.
So every download goes to a staging folder next to its destination, is checked (length,
optional pinned sha256, not HTML, parses with the list loader, has records) and only then
replaces the old file with :func:`os.replace`. The old version is kept in ``previous/`` and
``manifest.json`` records what was fetched, from where and when.

Layout of a fetch directory::

    DIR/manifest.json
    DIR/<source>/<file>             the current version
    DIR/<source>/previous/<file>    the version before it (the whole set, for multi-file lists)
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import re
import shutil
import tempfile
import tomllib
import types
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import attrs

from screening import __version__
from screening.errors import ConfigError, FetchError
from screening.model import Entity, ListSource

#: Name of the manifest written at the top of a fetch directory.
MANIFEST_NAME = "manifest.json"
#: Sub-folder of each source folder that holds the version replaced by the last change.
PREVIOUS_DIR = "previous"
#: Bumped when the manifest layout changes incompatibly.
MANIFEST_VERSION = 1
#: Seconds a connect or a single read may block before the download is abandoned.
DEFAULT_TIMEOUT = 60.0
#: No official list comes near this; a larger body is a misconfigured URL, not a list.
MAX_BYTES = 1 << 30
_CHUNK_SIZE = 1 << 16
_USER_AGENT = f"screening/{__version__} (sanctions list fetcher; python-urllib)"
_SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")


class Verifier(Protocol):
    """Parses a downloaded file; :func:`screening.sources.load_list` is the default.

    Raising any exception rejects the download. For a multi-file source the path is the primary
    file and the other files of the set sit beside it under their published names.
    """

    def __call__(
        self,
        path: str,
        format: str | None = None,
    ) -> tuple[list[Entity], ListSource]: ...


def default_verifier(
    path: str,
    format: str | None = None,
) -> tuple[list[Entity], ListSource]:
    """Parse with the library's own loader, imported late so fetching stays cheap to import."""
    from screening.sources import load_list

    return load_list(path, format=format)


def _check_filename(instance: SourceFile, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or value in {".", ".."} or "/" in value or "\\" in value or value.startswith("."):
        raise ConfigError(f"file name {value!r} must be a plain file name")


def _check_url(instance: SourceFile, attribute: attrs.Attribute[str], value: str) -> None:
    scheme = urllib.parse.urlsplit(value).scheme
    if scheme not in {"http", "https"} or not urllib.parse.urlsplit(value).netloc:
        raise ConfigError(f"URL {value!r} must be an absolute http(s) address")


def _check_sha256(instance: SourceFile, attribute: attrs.Attribute[str], value: str) -> None:
    if value and not _SHA256.match(value):
        raise ConfigError(f"sha256 {value!r} must be 64 lower-case hex digits")


def _lower(value: str) -> str:
    return value.lower()


@attrs.frozen(slots=True)
class SourceFile:
    """One published file: its address, its name on disk and, optionally, a pinned sha256.

    A pin is for mirrors and archived copies whose content is known in advance; the live
    official addresses change content with every update and are not pinned.
    """

    filename: str = attrs.field(validator=_check_filename)
    url: str = attrs.field(validator=_check_url)
    sha256: str = attrs.field(default="", converter=_lower, validator=_check_sha256)


def _files_tuple(value: Iterable[SourceFile]) -> tuple[SourceFile, ...]:
    return tuple(value)


def _check_source(instance: OfficialSource) -> None:
    if not _SOURCE_NAME.match(instance.name):
        raise ConfigError(
            f"source name {instance.name!r} must be lower case letters, digits, '_', '-' or '.'"
        )
    if not instance.files:
        raise ConfigError(f"source {instance.name!r} has no files")
    names = [f.filename for f in instance.files]
    if len(set(names)) != len(names):
        raise ConfigError(f"source {instance.name!r} lists a file name twice")
    if PREVIOUS_DIR in names:
        raise ConfigError(f"source {instance.name!r}: {PREVIOUS_DIR!r} is reserved")


@attrs.frozen(slots=True)
class OfficialSource:
    """A list as an authority publishes it: one file, or a set that is only valid together.

    ``format`` is the loader's format name; empty means "detect from content". The first file is
    the primary one handed to the loader, which reads the rest of the set beside it (the OFAC
    CSV quartet: ``sdn.csv`` with ``add.csv``, ``alt.csv`` and ``sdn_comments.csv``).
    """

    name: str
    authority: str
    format: str
    files: tuple[SourceFile, ...] = attrs.field(converter=_files_tuple)
    description: str = ""

    def __attrs_post_init__(self) -> None:
        _check_source(self)

    @property
    def primary(self) -> SourceFile:
        """The file the loader is pointed at."""
        return self.files[0]


_OFAC_SLS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"


def _ofac(name: str, fmt: str, description: str, files: dict[str, str]) -> OfficialSource:
    return OfficialSource(
        name=name,
        authority="US Treasury OFAC",
        format=fmt,
        files=tuple(SourceFile(local, _OFAC_SLS + remote) for local, remote in files.items()),
        description=description,
    )


_DEFAULTS: tuple[OfficialSource, ...] = (
    _ofac(
        "ofac_sdn_csv",
        "ofac_csv",
        "OFAC SDN list, legacy CSV set (Sanctions List Service)",
        {
            "sdn.csv": "SDN.CSV",
            "add.csv": "ADD.CSV",
            "alt.csv": "ALT.CSV",
            "sdn_comments.csv": "SDN_COMMENTS.CSV",
        },
    ),
    _ofac("ofac_sdn_xml", "ofac_xml", "OFAC SDN list, XML", {"sdn.xml": "SDN.XML"}),
    _ofac(
        "ofac_consolidated_csv",
        "ofac_csv",
        "OFAC non-SDN consolidated list, legacy CSV set",
        {
            "cons_prim.csv": "CONS_PRIM.CSV",
            "cons_add.csv": "CONS_ADD.CSV",
            "cons_alt.csv": "CONS_ALT.CSV",
            "cons_comments.csv": "CONS_COMMENTS.CSV",
        },
    ),
    _ofac(
        "ofac_consolidated_xml",
        "ofac_xml",
        "OFAC non-SDN consolidated list, XML",
        {"consolidated.xml": "CONSOLIDATED.XML"},
    ),
    OfficialSource(
        name="eu_fsf",
        authority="European Union",
        format="eu_fsf_xml",
        files=(
            SourceFile(
                "eu_fsf.xml",
                "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/"
                "content?token=dG9rZW4tMjAxNw",
            ),
        ),
        description="EU Financial Sanctions Files, consolidated list, XML 1.1",
    ),
    OfficialSource(
        name="uk_sanctions_list",
        authority="UK FCDO",
        format="uk_fcdo_xml",
        files=(
            SourceFile(
                "UK-Sanctions-List.xml", "https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
            ),
        ),
        description="UK Sanctions List (FCDO), XML",
    ),
    OfficialSource(
        name="uk_ofsi_conlist",
        authority="UK HM Treasury OFSI",
        format="uk_ofsi_csv",
        files=(
            SourceFile(
                "ConList.csv",
                "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
            ),
        ),
        description="OFSI Consolidated List, CSV (retired in favour of the UK Sanctions List)",
    ),
    OfficialSource(
        name="un_sc",
        authority="UN Security Council",
        format="un_xml",
        files=(
            SourceFile(
                "consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
            ),
        ),
        description="UN Security Council Consolidated List, XML",
    ),
    OfficialSource(
        name="ca_sema",
        authority="Global Affairs Canada",
        format="ca_sema_xml",
        files=(
            SourceFile(
                "sema-lmes.xml",
                "https://www.international.gc.ca/world-monde/assets/office_docs/"
                "international_relations-relations_internationales/sanctions/sema-lmes.xml",
            ),
        ),
        description="Canada Consolidated Autonomous Sanctions List (SEMA), XML",
    ),
    OfficialSource(
        name="us_csl",
        authority="US trade.gov",
        format="us_csl",
        files=(
            SourceFile(
                "consolidated.csv",
                "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
            ),
        ),
        description="US Consolidated Screening List (Commerce, State, Treasury), CSV",
    ),
    OfficialSource(
        name="us_bis_dpl",
        authority="US Commerce BIS",
        format="bis_dpl",
        files=(SourceFile("dpl.txt", "https://www.bis.doc.gov/dpl/dpl.txt"),),
        description="BIS Denied Persons List, tab-delimited text",
    ),
)

#: The official sources and their published addresses, by name. Addresses move from time to
#: time; override them with a sources file (:func:`load_sources_file`) rather than editing here.
DEFAULT_SOURCES: Mapping[str, OfficialSource] = types.MappingProxyType(
    {s.name: s for s in _DEFAULTS}
)


# --- sources file ------------------------------------------------------------------------------

_SOURCE_KEYS = frozenset(
    {"authority", "format", "description", "url", "filename", "sha256", "files"}
)
_FILE_KEYS = frozenset({"filename", "url", "sha256"})


def _file_from_toml(where: str, item: object) -> SourceFile:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: each entry of 'files' must be a table")
    unknown = set(item) - _FILE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} in 'files'")
    if "url" not in item:
        raise ConfigError(f"{where}: every file needs a 'url'")
    url = str(item["url"])
    filename = str(item.get("filename") or _filename_from_url(url))
    return SourceFile(filename, url, str(item.get("sha256", "")))


def _filename_from_url(url: str) -> str:
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])


def _source_from_toml(
    where: str, name: str, table: dict[str, Any], base: OfficialSource | None
) -> OfficialSource:
    unknown = set(table) - _SOURCE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if "url" in table and "files" in table:
        raise ConfigError(f"{where}: give either 'url' or 'files', not both")
    files: tuple[SourceFile, ...]
    if "files" in table:
        if not isinstance(table["files"], list):
            raise ConfigError(f"{where}: 'files' must be an array of tables")
        files = tuple(_file_from_toml(where, item) for item in table["files"])
    elif "url" in table:
        url = str(table["url"])
        if base is not None and len(base.files) > 1:
            raise ConfigError(
                f"{where}: {name!r} is a set of {len(base.files)} files; "
                "give 'files' instead of 'url'"
            )
        default_name = base.primary.filename if base is not None else _filename_from_url(url)
        files = (
            SourceFile(
                str(table.get("filename") or default_name), url, str(table.get("sha256", ""))
            ),
        )
    elif base is not None:
        files = base.files
    else:
        raise ConfigError(f"{where}: a new source needs 'url' or 'files'")
    return OfficialSource(
        name=name,
        authority=str(table.get("authority", base.authority if base else name)),
        format=str(table.get("format", base.format if base else "")),
        files=files,
        description=str(table.get("description", base.description if base else "")),
    )


def load_sources_file(
    path: str | os.PathLike[str], base: Mapping[str, OfficialSource] = DEFAULT_SOURCES
) -> dict[str, OfficialSource]:
    """Read a TOML sources file over ``base``: its entries override or add sources by name.

    ``include_defaults = false`` at the top drops ``base`` so that only the file's sources
    exist (used for mirrors and tests). The format is described in ``docs/lists.md``.
    """
    where = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read sources file: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"include_defaults", "sources"}
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    include = data.get("include_defaults", True)
    if not isinstance(include, bool):
        raise ConfigError(f"{where}: 'include_defaults' must be true or false")
    sources = dict(base) if include else {}
    tables = data.get("sources", {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{where}: 'sources' must be a table of tables")
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [sources.{name}] must be a table")
        try:
            sources[name] = _source_from_toml(
                f"{where}: [sources.{name}]", name, table, base.get(name)
            )
        except ConfigError as exc:
            if str(exc).startswith(where):
                raise
            raise ConfigError(f"{where}: [sources.{name}]: {exc}") from exc
    return sources


# --- manifest ----------------------------------------------------------------------------------


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_manifest(directory: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of a fetch directory; an empty one when nothing was fetched yet."""
    path = Path(directory) / MANIFEST_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {"version": MANIFEST_VERSION, "sources": {}}
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise FetchError(f"{path}: manifest is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise FetchError(f"{path}: manifest has no 'sources' table")
    return data


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make renames durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _update_manifest(directory: Path, name: str, entry: dict[str, Any]) -> None:
    manifest = read_manifest(directory)
    manifest["version"] = MANIFEST_VERSION
    manifest["sources"][name] = entry
    manifest["sources"] = dict(sorted(manifest["sources"].items()))
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    _write_atomically(directory / MANIFEST_NAME, text.encode("utf-8"))


# --- download ----------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def _download(
    opener: urllib.request.OpenerDirector,
    source: str,
    url: str,
    dest: Path,
    timeout: float,
) -> tuple[str, int]:
    """Stream ``url`` into ``dest``; return (sha256, size). Short bodies are errors."""
    where = f"{source}: {url}"
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    digest = hashlib.sha256()
    size = 0
    try:
        with opener.open(request, timeout=timeout) as response:
            status = response.status
            if status != 200:
                raise FetchError(f"{where}: HTTP status {status}, expected 200")
            length_header = response.headers.get("Content-Length")
            expected = int(length_header) if length_header and length_header.isdigit() else None
            with open(dest, "xb") as out:
                while chunk := response.read(_CHUNK_SIZE):
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise FetchError(f"{where}: larger than {MAX_BYTES} bytes; not a list")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the open response
        raise FetchError(f"{where}: HTTP status {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"{where}: timed out after {timeout:g} s") from exc
        raise FetchError(f"{where}: cannot connect: {exc.reason}") from exc
    except TimeoutError as exc:
        raise FetchError(f"{where}: timed out after {timeout:g} s") from exc
    except FetchError:
        raise
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"{where}: transfer failed: {exc!r}") from exc
    if expected is not None and size != expected:
        raise FetchError(f"{where}: transfer incomplete: received {size} of {expected} bytes")
    if size == 0:
        raise FetchError(f"{where}: empty response")
    return digest.hexdigest(), size


def _looks_like_html(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(1024)
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith(_HTML_STARTS)


# --- fetch -------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class FetchResult:
    """What happened to one source in a fetch run.

    ``changed`` is false when the download was byte-identical to the current files (then only
    the retrieval time moves). ``error`` is set, and nothing on disk was touched, on failure.
    """

    source: str
    error: FetchError | None = None
    changed: bool = False
    record_count: int = 0
    format: str = ""
    paths: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@attrs.frozen(slots=True)
class FetchReport:
    """The results of one fetch run, in the order the sources were fetched."""

    results: tuple[FetchResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> tuple[FetchResult, ...]:
        return tuple(r for r in self.results if not r.ok)


def _verify(
    verify: Verifier, source: OfficialSource, primary: Path
) -> tuple[list[Entity], ListSource]:
    where = f"{source.name}: {source.primary.url}"
    if _looks_like_html(primary):
        raise FetchError(f"{where}: the server returned an HTML page, not a list file")
    try:
        entities, listed = verify(str(primary), format=source.format or None)
    except Exception as exc:  # any loader failure rejects the download, whatever its type
        raise FetchError(f"{where}: downloaded file does not parse as a list: {exc}") from exc
    if not entities:
        raise FetchError(f"{where}: downloaded list has no records")
    return entities, listed


def _rotate_previous(target: Path, current: Iterable[str]) -> None:
    """Copy the ``current`` files into ``previous/``, replacing it whole.

    Hard links make this cheap; the swap goes through a temporary folder so that ``previous/``
    always holds one complete set.
    """
    names = list(current)
    if not names:
        return
    staging = Path(tempfile.mkdtemp(prefix=".previous-", dir=target))
    try:
        for name in names:
            try:
                os.link(target / name, staging / name)
            except OSError:
                shutil.copy2(target / name, staging / name)
        previous = target / PREVIOUS_DIR
        retired = target / f".retired-{staging.name}"
        if previous.exists():
            os.replace(previous, retired)
        os.replace(staging, previous)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def fetch_source(
    directory: str | os.PathLike[str],
    source: OfficialSource,
    *,
    verify: Verifier | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    opener: urllib.request.OpenerDirector | None = None,
) -> FetchResult:
    """Download one source into ``directory/<name>/``; raise :class:`FetchError` on failure.

    On any failure the current files and their manifest entry are left exactly as they were.
    """
    target = Path(directory) / source.name
    created = not target.exists()
    try:
        return _fetch_into(target, source, verify or default_verifier, timeout, opener)
    except FetchError:
        if created:
            shutil.rmtree(target, ignore_errors=True)
        raise
    except OSError as exc:  # local trouble: permissions, disk full
        raise FetchError(f"{source.name}: cannot write under {target}: {exc}") from exc


def _fetch_into(
    target: Path,
    source: OfficialSource,
    verify: Verifier,
    timeout: float,
    opener: urllib.request.OpenerDirector | None,
) -> FetchResult:
    root = target.parent
    target.mkdir(parents=True, exist_ok=True)
    opener = opener or urllib.request.build_opener()
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target))
    try:
        downloaded: dict[str, tuple[str, int]] = {}
        for item in source.files:
            digest, size = _download(
                opener, source.name, item.url, staging / item.filename, timeout
            )
            if item.sha256 and digest != item.sha256:
                raise FetchError(
                    f"{source.name}: {item.url}: sha256 {digest} does not match the pinned "
                    f"{item.sha256}"
                )
            downloaded[item.filename] = (digest, size)
        entities, listed = _verify(verify, source, staging / source.primary.filename)
        retrieved_at = _utc_now()

        old_entry = read_manifest(root)["sources"].get(source.name, {})
        old_files: dict[str, Any] = old_entry.get("files", {})
        current = {
            f.filename: _sha256_file(target / f.filename)
            for f in source.files
            if (target / f.filename).is_file()
        }
        changed = any(current.get(name) != digest for name, (digest, _) in downloaded.items())
        previous: Mapping[str, str | None]
        if changed:
            _rotate_previous(target, current)
            previous = current
            for item in source.files:
                os.replace(staging / item.filename, target / item.filename)
            _fsync_dir(target)
        else:
            previous = {name: old_files.get(name, {}).get("previous_sha256") for name in downloaded}

        files_entry = {}
        for item in source.files:
            digest, size = downloaded[item.filename]
            files_entry[item.filename] = {
                "path": f"{source.name}/{item.filename}",
                "url": item.url,
                "sha256": digest,
                "size": size,
                "retrieved_at": retrieved_at,
                "format": listed.format,
                "record_count": listed.record_count,
                "previous_sha256": previous.get(item.filename),
            }
        changed_at = retrieved_at if changed else old_entry.get("changed_at", retrieved_at)
        _update_manifest(
            root,
            source.name,
            {
                "authority": source.authority,
                "format": listed.format,
                "primary": source.primary.filename,
                "record_count": listed.record_count,
                "entities": len(entities),
                "retrieved_at": retrieved_at,
                "changed_at": changed_at,
                "files": files_entry,
            },
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return FetchResult(
        source=source.name,
        changed=changed,
        record_count=listed.record_count,
        format=listed.format,
        paths=tuple(str(target / f.filename) for f in source.files),
    )


def fetch_sources(
    directory: str | os.PathLike[str],
    sources: Mapping[str, OfficialSource] = DEFAULT_SOURCES,
    *,
    only: Iterable[str] = (),
    verify: Verifier | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    opener: urllib.request.OpenerDirector | None = None,
) -> FetchReport:
    """Fetch every source (or those named in ``only``); one failure does not stop the others.

    Unknown names in ``only`` raise :class:`ConfigError` before anything is downloaded.
    """
    wanted = list(dict.fromkeys(only)) or list(sources)
    unknown = [name for name in wanted if name not in sources]
    if unknown:
        raise ConfigError(
            f"unknown source(s) {', '.join(unknown)}; known: {', '.join(sorted(sources))}"
        )
    results = []
    for name in wanted:
        try:
            result = fetch_source(
                directory, sources[name], verify=verify, timeout=timeout, opener=opener
            )
        except FetchError as exc:
            result = FetchResult(source=name, error=exc)
        results.append(result)
    return FetchReport(tuple(results))
