#!/usr/bin/env python3
"""Writes the bash completion of edgeplan from the same text as `--help`.

usage: help_to_completion.py EDGEPLAN OUTPUT

Commands come from the usage text, each command's options from its `--help`, and the values
of an option whose description reads "a | b | c" become that option's completions.
"""
import re
import subprocess
import sys

from help_to_man import commands_of, run_help

TEMPLATE = """\
# bash completion for edgeplan, generated from `edgeplan --help` (docs/install/).
_edgeplan() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "%(commands)s --help --version" -- "$cur"))
        return
    fi
    local options="" values=""
    case "${COMP_WORDS[1]}" in
%(option_cases)s
    esac
    case "${COMP_WORDS[1]} $prev" in
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


def main():
    binary, output = sys.argv[1:3]
    commands = commands_of(run_help(binary))
    option_cases, value_cases = [], []
    for command in commands:
        options, values = options_of(run_help(binary, command))
        option_cases.append(f'        {command}) options="{" ".join(options)}" ;;')
        for option, choices in values.items():
            value_cases.append(f'        "{command} {option}") values="{" ".join(choices)}" ;;')
    with open(output, "w", encoding="utf-8") as out:
        out.write(TEMPLATE % {"commands": " ".join(commands),
                              "option_cases": "\n".join(option_cases),
                              "value_cases": "\n".join(value_cases)})


if __name__ == "__main__":
    main()
