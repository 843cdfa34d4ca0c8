// The peer linters' rule packages ship no type declarations; the benchmark only passes them to textlint.
declare module 'textlint-rule-prh';
declare module '@textlint-rule/textlint-rule-no-unmatched-pair';
