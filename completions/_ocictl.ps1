
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ocictl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ocictl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ocictl' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ref', 'ref', [CompletionResultType]::ParameterValue, 'Parse an image reference and explain it, without any network access')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Check that a registry answers the /v2/ API, and which authentication it asks for')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Print an image''s manifest, byte for byte as the registry served it')
            [CompletionResult]::new('digest', 'digest', [CompletionResultType]::ParameterValue, 'Print the digest of an image''s manifest (one HEAD request)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until an image exists, or until its tag points at another digest')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print an image''s config JSON, byte for byte')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index''s platforms')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Download a blob (a layer, a config) by digest, verifying it while it streams')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the files of an image, as the container sees them, without pulling it')
            [CompletionResult]::new('cat', 'cat', [CompletionResultType]::ParameterValue, 'Print a file of an image, as the container sees it, without pulling the image')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an image''s merged filesystem as one tar, like `crane export`')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what changed between two images: platforms, layers, config, files, packages')
            [CompletionResult]::new('packages', 'packages', [CompletionResultType]::ParameterValue, 'List the OS packages an image has installed, without pulling it')
            [CompletionResult]::new('curl', 'curl', [CompletionResultType]::ParameterValue, 'Send any registry API request, with the authentication done for you')
            [CompletionResult]::new('referrers', 'referrers', [CompletionResultType]::ParameterValue, 'List the artifacts that refer to an image: signatures, SBOMs, attestations')
            [CompletionResult]::new('ratelimit', 'ratelimit', [CompletionResultType]::ParameterValue, 'Show Docker Hub''s pull rate limit for this client: limit, remaining, window, source')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List every tag of a repository, one per line')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'List the repositories of a registry (/v2/_catalog), one per line')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Print the Authorization header value ocictl would send to pull an image')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a username and password against a registry and store them where docker would')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored login for a registry')
            [CompletionResult]::new('config-file', 'config-file', [CompletionResultType]::ParameterValue, 'Validate the configuration file and show what each registry resolves to')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)')
            [CompletionResult]::new('credential-helper', 'credential-helper', [CompletionResultType]::ParameterValue, 'Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)')
            [CompletionResult]::new('kubelet-credential-provider', 'kubelet-credential-provider', [CompletionResultType]::ParameterValue, 'Serve image pull credentials to kubelet (a credential provider plugin)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ from these definitions (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;ref' {
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;ping' {
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;manifest' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;digest' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;wait' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'What to wait for: the manifest to exist, or the tag to point at another digest [default: exists, or changed with --from]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The digest the tag must change from [default: the digest it has at the first look]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between looks (fractions allowed)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;config' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;inspect' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;blob' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--continue', '--continue', [CompletionResultType]::ParameterName, 'Keep a broken download''s partial file, and resume it with an HTTP Range request')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;ls' {
            [CompletionResult]::new('--layer', '--layer', [CompletionResultType]::ParameterName, 'List one layer''s own entries as stored, in tar order, whiteouts included and marked (0 = the bottom layer)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;cat' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;diff' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Print a unified diff of this file instead (text files up to 8 MiB)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--files', '--files', [CompletionResultType]::ParameterName, 'Also compare the merged filesystems: paths added, removed and changed (content, type, mode, owner, link target)')
            [CompletionResult]::new('--packages', '--packages', [CompletionResultType]::ParameterName, 'Also compare the installed OS packages (dpkg, apk): added, removed, changed versions')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;packages' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Choose one platform of a multi-platform index: os/arch[/variant]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;curl' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'The method: GET, HEAD, POST, PUT, PATCH or DELETE')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'The method: GET, HEAD, POST, PUT, PATCH or DELETE')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'An extra request header (repeatable); Authorization is ocictl''s to send')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'An extra request header (repeatable); Authorization is ocictl''s to send')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to FILE instead of stdout')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The request body: text, @FILE, or @- for stdin')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The request body: text, @FILE, or @- for stdin')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'The token scope to ask for, e.g. repository:app:pull,push')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the status line and response headers before the body')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the status line and response headers before the body')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Send HEAD and print the status line and headers only')
            [CompletionResult]::new('--head', '--head', [CompletionResultType]::ParameterName, 'Send HEAD and print the status line and headers only')
            [CompletionResult]::new('--fail-never', '--fail-never', [CompletionResultType]::ParameterName, 'Print a non-2xx answer and exit 0, as curl does without --fail')
            [CompletionResult]::new('--no-fail', '--no-fail', [CompletionResultType]::ParameterName, 'Print a non-2xx answer and exit 0, as curl does without --fail')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;referrers' {
            [CompletionResult]::new('--artifact-type', '--artifact-type', [CompletionResultType]::ParameterName, 'Only referrers of this artifact type')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;ratelimit' {
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;tags' {
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries to ask for per page (registries may return fewer)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'The order to print tags in')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'References processed at once when several are given (or - for stdin) [default: 4]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;catalog' {
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Entries to ask for per page (registries may return fewer)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (JSON Lines, one object per reference, when given several)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;auth' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;login' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 30]')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for registries that require mutual TLS (with --key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --cert')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)')
            [CompletionResult]::new('--aws-profile', '--aws-profile', [CompletionResultType]::ParameterName, 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Use HTTPS without verifying the registry''s certificate (also on loopback)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP even for a registry that is not on loopback')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password (or token) from the first line of stdin (with --username)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache (~/.cache/ocictl) for this command')
            [CompletionResult]::new('--ecr', '--ecr', [CompletionResultType]::ParameterName, 'Treat the registry as AWS ECR (needed only when its host name does not say so)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;logout' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;config-file' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Parse the file, report the first problem (exit 2), or list each registry''s settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;config-file;check' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;config-file;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Parse the file, report the first problem (exit 2), or list each registry''s settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;config-file;help;check' {
            break
        }
        'ocictl;config-file;help;help' {
            break
        }
        'ocictl;cache' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cached token and challenge')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;cache;clear' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;cache;path' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;cache;help' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cached token and challenge')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;cache;help;clear' {
            break
        }
        'ocictl;cache;help;path' {
            break
        }
        'ocictl;cache;help;help' {
            break
        }
        'ocictl;credential-helper' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the credentials for the server URL read from stdin')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Refuse (exit 1): ocictl does not store credentials')
            [CompletionResult]::new('erase', 'erase', [CompletionResultType]::ParameterValue, 'Refuse (exit 1): ocictl does not store credentials')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the registries it serves as JSON: {"registry": "username"}')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the helper''s name and version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;credential-helper;get' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;credential-helper;store' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;credential-helper;erase' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;credential-helper;list' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;credential-helper;version' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;credential-helper;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the credentials for the server URL read from stdin')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Refuse (exit 1): ocictl does not store credentials')
            [CompletionResult]::new('erase', 'erase', [CompletionResultType]::ParameterValue, 'Refuse (exit 1): ocictl does not store credentials')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the registries it serves as JSON: {"registry": "username"}')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the helper''s name and version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;credential-helper;help;get' {
            break
        }
        'ocictl;credential-helper;help;store' {
            break
        }
        'ocictl;credential-helper;help;erase' {
            break
        }
        'ocictl;credential-helper;help;list' {
            break
        }
        'ocictl;credential-helper;help;version' {
            break
        }
        'ocictl;credential-helper;help;help' {
            break
        }
        'ocictl;kubelet-credential-provider' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ocictl;generate' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; NO_COLOR in the environment means never for `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Write a transcript of every HTTP request to stderr (credentials redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ocictl;help' {
            [CompletionResult]::new('ref', 'ref', [CompletionResultType]::ParameterValue, 'Parse an image reference and explain it, without any network access')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Check that a registry answers the /v2/ API, and which authentication it asks for')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Print an image''s manifest, byte for byte as the registry served it')
            [CompletionResult]::new('digest', 'digest', [CompletionResultType]::ParameterValue, 'Print the digest of an image''s manifest (one HEAD request)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until an image exists, or until its tag points at another digest')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print an image''s config JSON, byte for byte')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index''s platforms')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Download a blob (a layer, a config) by digest, verifying it while it streams')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the files of an image, as the container sees them, without pulling it')
            [CompletionResult]::new('cat', 'cat', [CompletionResultType]::ParameterValue, 'Print a file of an image, as the container sees it, without pulling the image')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an image''s merged filesystem as one tar, like `crane export`')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what changed between two images: platforms, layers, config, files, packages')
            [CompletionResult]::new('packages', 'packages', [CompletionResultType]::ParameterValue, 'List the OS packages an image has installed, without pulling it')
            [CompletionResult]::new('curl', 'curl', [CompletionResultType]::ParameterValue, 'Send any registry API request, with the authentication done for you')
            [CompletionResult]::new('referrers', 'referrers', [CompletionResultType]::ParameterValue, 'List the artifacts that refer to an image: signatures, SBOMs, attestations')
            [CompletionResult]::new('ratelimit', 'ratelimit', [CompletionResultType]::ParameterValue, 'Show Docker Hub''s pull rate limit for this client: limit, remaining, window, source')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List every tag of a repository, one per line')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'List the repositories of a registry (/v2/_catalog), one per line')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Print the Authorization header value ocictl would send to pull an image')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a username and password against a registry and store them where docker would')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored login for a registry')
            [CompletionResult]::new('config-file', 'config-file', [CompletionResultType]::ParameterValue, 'Validate the configuration file and show what each registry resolves to')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)')
            [CompletionResult]::new('credential-helper', 'credential-helper', [CompletionResultType]::ParameterValue, 'Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)')
            [CompletionResult]::new('kubelet-credential-provider', 'kubelet-credential-provider', [CompletionResultType]::ParameterValue, 'Serve image pull credentials to kubelet (a credential provider plugin)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ from these definitions (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ocictl;help;ref' {
            break
        }
        'ocictl;help;ping' {
            break
        }
        'ocictl;help;manifest' {
            break
        }
        'ocictl;help;digest' {
            break
        }
        'ocictl;help;wait' {
            break
        }
        'ocictl;help;config' {
            break
        }
        'ocictl;help;inspect' {
            break
        }
        'ocictl;help;blob' {
            break
        }
        'ocictl;help;ls' {
            break
        }
        'ocictl;help;cat' {
            break
        }
        'ocictl;help;export' {
            break
        }
        'ocictl;help;diff' {
            break
        }
        'ocictl;help;packages' {
            break
        }
        'ocictl;help;curl' {
            break
        }
        'ocictl;help;referrers' {
            break
        }
        'ocictl;help;ratelimit' {
            break
        }
        'ocictl;help;tags' {
            break
        }
        'ocictl;help;catalog' {
            break
        }
        'ocictl;help;auth' {
            break
        }
        'ocictl;help;login' {
            break
        }
        'ocictl;help;logout' {
            break
        }
        'ocictl;help;config-file' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Parse the file, report the first problem (exit 2), or list each registry''s settings')
            break
        }
        'ocictl;help;config-file;check' {
            break
        }
        'ocictl;help;cache' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cached token and challenge')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache directory')
            break
        }
        'ocictl;help;cache;clear' {
            break
        }
        'ocictl;help;cache;path' {
            break
        }
        'ocictl;help;credential-helper' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the credentials for the server URL read from stdin')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Refuse (exit 1): ocictl does not store credentials')
            [CompletionResult]::new('erase', 'erase', [CompletionResultType]::ParameterValue, 'Refuse (exit 1): ocictl does not store credentials')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Print the registries it serves as JSON: {"registry": "username"}')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the helper''s name and version')
            break
        }
        'ocictl;help;credential-helper;get' {
            break
        }
        'ocictl;help;credential-helper;store' {
            break
        }
        'ocictl;help;credential-helper;erase' {
            break
        }
        'ocictl;help;credential-helper;list' {
            break
        }
        'ocictl;help;credential-helper;version' {
            break
        }
        'ocictl;help;kubelet-credential-provider' {
            break
        }
        'ocictl;help;generate' {
            break
        }
        'ocictl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
