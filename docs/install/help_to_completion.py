#!/usr/bin/env python3
"""Writes the bash completion of edgeplan from the same text as `--help`.

usage: help_to_completion.py EDGEPLAN OUTPUT

Commands come from the usage text, each command's options from its `--help`, and the values
of an option whose description reads "a | b | c" become that option's completions. The values
of --only and --skip are the check IDs, areas and kinds of `edgeplan checks --format json`, so
they are the registry's (tests/gate/completion_test.cpp keeps them equal). --output completes
FORMAT= from the command's --format values, then a file name after the '='.
"""
import json
import re
import subprocess
import sys

from help_to_man import commands_of, run_help

TEMPLATE = """\
# bash completion for edgeplan, generated from `edgeplan --help` and `edgeplan checks --format
# json` (docs/install/).
_edgeplan() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "%(commands)s --help --version" -- "$cur"))
        return
    fi
    local command="${COMP_WORDS[1]}" options="" values="" formats=""
    case "$command" in
%(option_cases)s
    esac
    case "$command" in
%(format_cases)s
    esac
    # --output FORMAT=FILE. With '=' in COMP_WORDBREAKS (the bash default) the words are
    # "--output" "json" "=" "FILE"; without it, one word "json=FILE".
    if [[ -n "$formats" && "$prev" == "=" && $COMP_CWORD -ge 3 &&
          "${COMP_WORDS[COMP_CWORD-3]}" == "--output" ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    if [[ -n "$formats" && "$prev" == "--output" ]]; then
        if [[ "$cur" == *=* ]]; then
            local format="${cur%%%%=*}" file
            COMPREPLY=()
            while IFS= read -r file; do
                COMPREPLY+=("$format=$file")
            done < <(compgen -f -- "${cur#*=}")
        else
            COMPREPLY=($(compgen -S = -W "$formats" -- "$cur"))
            compopt -o nospace 2>/dev/null
        fi
        return
    fi
    case "$command $prev" in
%(value_cases)s
    esac
    if [[ -n "$values" ]]; then
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
    elif [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _edgeplan edgeplan
"""


def options_of(help_text):
    """(options, {option: [values]}) of one command's --help."""
    options, values = [], {}
    for line in help_text.splitlines():
        match = re.match(r"^\s+(?:-\w \[ )?(--[a-z][a-z-]*)", line)
        if not match:
            continue
        option = match.group(1)
        options.append(option)
        choice = re.search(r"\s([a-z][a-z-]*(?: \| [a-z][a-z-]*)+)", line[match.end():])
        if choice:
            values[option] = choice.group(1).split(" | ")
    return options, values


def selection_words(binary):
    """What --only and --skip accept: every check ID, area and kind, sorted."""
    listing = subprocess.run([binary, "checks", "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
    checks = json.loads(listing)
    words = set()
    for check in checks:
        words.update((check["id"], check["area"], check["kind"]))
    return sorted(words)


def main():
    binary, output = sys.argv[1:3]
    commands = commands_of(run_help(binary))
    selection = " ".join(selection_words(binary))
    option_cases, format_cases, value_cases = [], [], []
    for command in commands:
        options, values = options_of(run_help(binary, command))
        option_cases.append(f'        {command}) options="{" ".join(options)}" ;;')
        if "--output" in options and "--format" in values:
            format_cases.append(f'        {command}) formats="{" ".join(values["--format"])}" ;;')
        for option in ("--only", "--skip"):
            if option in options:
                values[option] = [selection]
        for option, choices in values.items():
            value_cases.append(f'        "{command} {option}") values="{" ".join(choices)}" ;;')
    with open(output, "w", encoding="utf-8") as out:
        out.write(TEMPLATE % {"commands": " ".join(commands),
                              "option_cases": "\n".join(option_cases),
                              "format_cases": "\n".join(format_cases),
                              "value_cases": "\n".join(value_cases)})


if __name__ == "__main__":
    main()
