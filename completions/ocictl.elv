
use builtin;
use str;

set edit:completion:arg-completer[ocictl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ocictl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ocictl'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ref 'Parse an image reference and explain it, without any network access'
            cand ping 'Check that a registry answers the /v2/ API, and which authentication it asks for'
            cand manifest 'Print an image''s manifest, byte for byte as the registry served it'
            cand digest 'Print the digest of an image''s manifest (one HEAD request)'
            cand wait 'Wait until an image exists, or until its tag points at another digest'
            cand config 'Print an image''s config JSON, byte for byte'
            cand inspect 'Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index''s platforms'
            cand blob 'Download a blob (a layer, a config) by digest, verifying it while it streams'
            cand ls 'List the files of an image, as the container sees them, without pulling it'
            cand cat 'Print a file of an image, as the container sees it, without pulling the image'
            cand export 'Write an image''s merged filesystem as one tar, like `crane export`'
            cand diff 'Show what changed between two images: platforms, layers, config, files, packages'
            cand packages 'List the OS packages an image has installed, without pulling it'
            cand curl 'Send any registry API request, with the authentication done for you'
            cand referrers 'List the artifacts that refer to an image: signatures, SBOMs, attestations'
            cand ratelimit 'Show Docker Hub''s pull rate limit for this client: limit, remaining, window, source'
            cand tags 'List every tag of a repository, one per line'
            cand catalog 'List the repositories of a registry (/v2/_catalog), one per line'
            cand auth 'Print the Authorization header value ocictl would send to pull an image'
            cand login 'Check a username and password against a registry and store them where docker would'
            cand logout 'Forget the stored login for a registry'
            cand config-file 'Validate the configuration file and show what each registry resolves to'
            cand cache 'Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)'
            cand credential-helper 'Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)'
            cand kubelet-credential-provider 'Serve image pull credentials to kubelet (a credential provider plugin)'
            cand generate 'Regenerate completions/ and man/ from these definitions (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;ref'= {
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;ping'= {
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;manifest'= {
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;digest'= {
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;wait'= {
            cand --until 'What to wait for: the manifest to exist, or the tag to point at another digest [default: exists, or changed with --from]'
            cand --from 'The digest the tag must change from [default: the digest it has at the first look]'
            cand --interval 'Seconds between looks (fractions allowed)'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;config'= {
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;inspect'= {
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;blob'= {
            cand -o 'Write to FILE (atomically) instead of stdout'
            cand --output 'Write to FILE (atomically) instead of stdout'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --continue 'Keep a broken download''s partial file, and resume it with an HTTP Range request'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;ls'= {
            cand --layer 'List one layer''s own entries as stored, in tar order, whiteouts included and marked (0 = the bottom layer)'
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;cat'= {
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;export'= {
            cand -o 'Write to FILE (atomically) instead of stdout'
            cand --output 'Write to FILE (atomically) instead of stdout'
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;diff'= {
            cand --file 'Print a unified diff of this file instead (text files up to 8 MiB)'
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --files 'Also compare the merged filesystems: paths added, removed and changed (content, type, mode, owner, link target)'
            cand --packages 'Also compare the installed OS packages (dpkg, apk): added, removed, changed versions'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;packages'= {
            cand --platform 'Choose one platform of a multi-platform index: os/arch[/variant]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;curl'= {
            cand -X 'The method: GET, HEAD, POST, PUT, PATCH or DELETE'
            cand --request 'The method: GET, HEAD, POST, PUT, PATCH or DELETE'
            cand -H 'An extra request header (repeatable); Authorization is ocictl''s to send'
            cand --header 'An extra request header (repeatable); Authorization is ocictl''s to send'
            cand -o 'Write the output to FILE instead of stdout'
            cand --output 'Write the output to FILE instead of stdout'
            cand -d 'The request body: text, @FILE, or @- for stdin'
            cand --data 'The request body: text, @FILE, or @- for stdin'
            cand --scope 'The token scope to ask for, e.g. repository:app:pull,push'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -i 'Print the status line and response headers before the body'
            cand --include 'Print the status line and response headers before the body'
            cand -I 'Send HEAD and print the status line and headers only'
            cand --head 'Send HEAD and print the status line and headers only'
            cand --fail-never 'Print a non-2xx answer and exit 0, as curl does without --fail'
            cand --no-fail 'Print a non-2xx answer and exit 0, as curl does without --fail'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;referrers'= {
            cand --artifact-type 'Only referrers of this artifact type'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;ratelimit'= {
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;tags'= {
            cand --page-size 'Entries to ask for per page (registries may return fewer)'
            cand --sort 'The order to print tags in'
            cand --jobs 'References processed at once when several are given (or - for stdin) [default: 4]'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;catalog'= {
            cand --page-size 'Entries to ask for per page (registries may return fewer)'
            cand --query 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json'
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --json 'Print JSON (JSON Lines, one object per reference, when given several)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;auth'= {
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;login'= {
            cand --timeout 'Give up on the whole command after this many seconds [default: 30]'
            cand --read-timeout 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]'
            cand --retries 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry''s Retry-After) [default: 2]'
            cand --max-wait 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]'
            cand --ca-cert 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)'
            cand --cert 'Client certificate (PEM) for registries that require mutual TLS (with --key)'
            cand --key 'Private key (PEM) for --cert'
            cand -u 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --username 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)'
            cand --token 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)'
            cand --aws-profile 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --aws-region 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)'
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand --insecure 'Use HTTPS without verifying the registry''s certificate (also on loopback)'
            cand --plain-http 'Use plain HTTP even for a registry that is not on loopback'
            cand --password-stdin 'Read the password (or token) from the first line of stdin (with --username)'
            cand --no-cache 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
            cand --ecr 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;logout'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;config-file'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Parse the file, report the first problem (exit 2), or list each registry''s settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;config-file;check'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;config-file;help'= {
            cand check 'Parse the file, report the first problem (exit 2), or list each registry''s settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;config-file;help;check'= {
        }
        &'ocictl;config-file;help;help'= {
        }
        &'ocictl;cache'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand clear 'Remove every cached token and challenge'
            cand path 'Print the cache directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;cache;clear'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;cache;path'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;cache;help'= {
            cand clear 'Remove every cached token and challenge'
            cand path 'Print the cache directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;cache;help;clear'= {
        }
        &'ocictl;cache;help;path'= {
        }
        &'ocictl;cache;help;help'= {
        }
        &'ocictl;credential-helper'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get 'Print the credentials for the server URL read from stdin'
            cand store 'Refuse (exit 1): ocictl does not store credentials'
            cand erase 'Refuse (exit 1): ocictl does not store credentials'
            cand list 'Print the registries it serves as JSON: {"registry": "username"}'
            cand version 'Print the helper''s name and version'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;credential-helper;get'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;credential-helper;store'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;credential-helper;erase'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;credential-helper;list'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;credential-helper;version'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;credential-helper;help'= {
            cand get 'Print the credentials for the server URL read from stdin'
            cand store 'Refuse (exit 1): ocictl does not store credentials'
            cand erase 'Refuse (exit 1): ocictl does not store credentials'
            cand list 'Print the registries it serves as JSON: {"registry": "username"}'
            cand version 'Print the helper''s name and version'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;credential-helper;help;get'= {
        }
        &'ocictl;credential-helper;help;store'= {
        }
        &'ocictl;credential-helper;help;erase'= {
        }
        &'ocictl;credential-helper;help;list'= {
        }
        &'ocictl;credential-helper;help;version'= {
        }
        &'ocictl;credential-helper;help;help'= {
        }
        &'ocictl;kubelet-credential-provider'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ocictl;generate'= {
            cand --color 'When to colour output; NO_COLOR in the environment means never for `auto`'
            cand --config 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)'
            cand -v 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand --verbose 'Write a transcript of every HTTP request to stderr (credentials redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ocictl;help'= {
            cand ref 'Parse an image reference and explain it, without any network access'
            cand ping 'Check that a registry answers the /v2/ API, and which authentication it asks for'
            cand manifest 'Print an image''s manifest, byte for byte as the registry served it'
            cand digest 'Print the digest of an image''s manifest (one HEAD request)'
            cand wait 'Wait until an image exists, or until its tag points at another digest'
            cand config 'Print an image''s config JSON, byte for byte'
            cand inspect 'Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index''s platforms'
            cand blob 'Download a blob (a layer, a config) by digest, verifying it while it streams'
            cand ls 'List the files of an image, as the container sees them, without pulling it'
            cand cat 'Print a file of an image, as the container sees it, without pulling the image'
            cand export 'Write an image''s merged filesystem as one tar, like `crane export`'
            cand diff 'Show what changed between two images: platforms, layers, config, files, packages'
            cand packages 'List the OS packages an image has installed, without pulling it'
            cand curl 'Send any registry API request, with the authentication done for you'
            cand referrers 'List the artifacts that refer to an image: signatures, SBOMs, attestations'
            cand ratelimit 'Show Docker Hub''s pull rate limit for this client: limit, remaining, window, source'
            cand tags 'List every tag of a repository, one per line'
            cand catalog 'List the repositories of a registry (/v2/_catalog), one per line'
            cand auth 'Print the Authorization header value ocictl would send to pull an image'
            cand login 'Check a username and password against a registry and store them where docker would'
            cand logout 'Forget the stored login for a registry'
            cand config-file 'Validate the configuration file and show what each registry resolves to'
            cand cache 'Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)'
            cand credential-helper 'Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)'
            cand kubelet-credential-provider 'Serve image pull credentials to kubelet (a credential provider plugin)'
            cand generate 'Regenerate completions/ and man/ from these definitions (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ocictl;help;ref'= {
        }
        &'ocictl;help;ping'= {
        }
        &'ocictl;help;manifest'= {
        }
        &'ocictl;help;digest'= {
        }
        &'ocictl;help;wait'= {
        }
        &'ocictl;help;config'= {
        }
        &'ocictl;help;inspect'= {
        }
        &'ocictl;help;blob'= {
        }
        &'ocictl;help;ls'= {
        }
        &'ocictl;help;cat'= {
        }
        &'ocictl;help;export'= {
        }
        &'ocictl;help;diff'= {
        }
        &'ocictl;help;packages'= {
        }
        &'ocictl;help;curl'= {
        }
        &'ocictl;help;referrers'= {
        }
        &'ocictl;help;ratelimit'= {
        }
        &'ocictl;help;tags'= {
        }
        &'ocictl;help;catalog'= {
        }
        &'ocictl;help;auth'= {
        }
        &'ocictl;help;login'= {
        }
        &'ocictl;help;logout'= {
        }
        &'ocictl;help;config-file'= {
            cand check 'Parse the file, report the first problem (exit 2), or list each registry''s settings'
        }
        &'ocictl;help;config-file;check'= {
        }
        &'ocictl;help;cache'= {
            cand clear 'Remove every cached token and challenge'
            cand path 'Print the cache directory'
        }
        &'ocictl;help;cache;clear'= {
        }
        &'ocictl;help;cache;path'= {
        }
        &'ocictl;help;credential-helper'= {
            cand get 'Print the credentials for the server URL read from stdin'
            cand store 'Refuse (exit 1): ocictl does not store credentials'
            cand erase 'Refuse (exit 1): ocictl does not store credentials'
            cand list 'Print the registries it serves as JSON: {"registry": "username"}'
            cand version 'Print the helper''s name and version'
        }
        &'ocictl;help;credential-helper;get'= {
        }
        &'ocictl;help;credential-helper;store'= {
        }
        &'ocictl;help;credential-helper;erase'= {
        }
        &'ocictl;help;credential-helper;list'= {
        }
        &'ocictl;help;credential-helper;version'= {
        }
        &'ocictl;help;kubelet-credential-provider'= {
        }
        &'ocictl;help;generate'= {
        }
        &'ocictl;help;help'= {
        }
    ]
    $completions[$command]
}
