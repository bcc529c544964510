# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ocictl_global_optspecs
    string join \n v/verbose color= config= timeout= read-timeout= retries= max-wait= ca-cert= cert= key= insecure plain-http u/username= password-stdin token= no-cache ecr aws-profile= aws-region= jobs= query= h/help V/version
end

function __fish_ocictl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ocictl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ocictl_using_subcommand
    set -l cmd (__fish_ocictl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ocictl -n "__fish_ocictl_needs_command" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_needs_command" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_needs_command" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_needs_command" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_needs_command" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_needs_command" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_needs_command" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_needs_command" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_needs_command" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_needs_command" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_needs_command" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_needs_command" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_needs_command" -s V -l version -d 'Print version'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "ref" -d 'Parse an image reference and explain it, without any network access'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "ping" -d 'Check that a registry answers the /v2/ API, and which authentication it asks for'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "manifest" -d 'Print an image\'s manifest, byte for byte as the registry served it'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "digest" -d 'Print the digest of an image\'s manifest (one HEAD request)'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "wait" -d 'Wait until an image exists, or until its tag points at another digest'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "config" -d 'Print an image\'s config JSON, byte for byte'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "inspect" -d 'Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index\'s platforms'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "blob" -d 'Download a blob (a layer, a config) by digest, verifying it while it streams'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "ls" -d 'List the files of an image, as the container sees them, without pulling it'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "cat" -d 'Print a file of an image, as the container sees it, without pulling the image'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "export" -d 'Write an image\'s merged filesystem as one tar, like `crane export`'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "diff" -d 'Show what changed between two images: platforms, layers, config, files, packages'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "packages" -d 'List the OS packages an image has installed, without pulling it'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "curl" -d 'Send any registry API request, with the authentication done for you'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "referrers" -d 'List the artifacts that refer to an image: signatures, SBOMs, attestations'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "ratelimit" -d 'Show Docker Hub\'s pull rate limit for this client: limit, remaining, window, source'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "tags" -d 'List every tag of a repository, one per line'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "catalog" -d 'List the repositories of a registry (/v2/_catalog), one per line'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "auth" -d 'Print the Authorization header value ocictl would send to pull an image'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "login" -d 'Check a username and password against a registry and store them where docker would'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "logout" -d 'Forget the stored login for a registry'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "config-file" -d 'Validate the configuration file and show what each registry resolves to'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "cache" -d 'Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "credential-helper" -d 'Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "kubelet-credential-provider" -d 'Serve image pull credentials to kubelet (a credential provider plugin)'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "generate" -d 'Regenerate completions/ and man/ from these definitions (for maintainers)'
complete -c ocictl -n "__fish_ocictl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ref" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand manifest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand digest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l until -d 'What to wait for: the manifest to exist, or the tag to point at another digest [default: exists, or changed with --from]' -r -f -a "exists\t'The manifest exists'
changed\t'The tag points at another digest than at the start (or than --from)'"
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l from -d 'The digest the tag must change from [default: the digest it has at the first look]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l interval -d 'Seconds between looks (fractions allowed)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -s o -l output -d 'Write to FILE (atomically) instead of stdout' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l continue -d 'Keep a broken download\'s partial file, and resume it with an HTTP Range request'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand blob" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l layer -d 'List one layer\'s own entries as stored, in tar order, whiteouts included and marked (0 = the bottom layer)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -s o -l output -d 'Write to FILE (atomically) instead of stdout' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l file -d 'Print a unified diff of this file instead (text files up to 8 MiB)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l files -d 'Also compare the merged filesystems: paths added, removed and changed (content, type, mode, owner, link target)'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l packages -d 'Also compare the installed OS packages (dpkg, apk): added, removed, changed versions'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l platform -d 'Choose one platform of a multi-platform index: os/arch[/variant]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand packages" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s X -l request -d 'The method: GET, HEAD, POST, PUT, PATCH or DELETE' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s H -l header -d 'An extra request header (repeatable); Authorization is ocictl\'s to send' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s o -l output -d 'Write the output to FILE instead of stdout' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s d -l data -d 'The request body: text, @FILE, or @- for stdin' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l scope -d 'The token scope to ask for, e.g. repository:app:pull,push' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s i -l include -d 'Print the status line and response headers before the body'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s I -l head -d 'Send HEAD and print the status line and headers only'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l fail-never -l no-fail -d 'Print a non-2xx answer and exit 0, as curl does without --fail'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand curl" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l artifact-type -d 'Only referrers of this artifact type' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand referrers" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand ratelimit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l page-size -d 'Entries to ask for per page (registries may return fewer)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l sort -d 'The order to print tags in' -r -f -a "registry\t'As the registry lists them'
lexical\t'By bytes, as `sort` does with LC_ALL=C'
version\t'As versions, oldest first (1.9 before 1.10, a pre-release before its release); tags that are no version last'"
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l jobs -d 'References processed at once when several are given (or - for stdin) [default: 4]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand tags" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l page-size -d 'Entries to ask for per page (registries may return fewer)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l query -d 'Filter the JSON output through a jq expression (strings print raw, like jq -r); implies --json' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l json -d 'Print JSON (JSON Lines, one object per reference, when given several)'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand catalog" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand auth" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l timeout -d 'Give up on the whole command after this many seconds [default: 30]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l read-timeout -d 'Give up when the server sends nothing for this many seconds (each read, also mid-body) [default: 20]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l retries -d 'Send an idempotent request again this many times after a reset connection or a 408/429/500/502/503/504 answer (exponential backoff, or the registry\'s Retry-After) [default: 2]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l max-wait -d 'The longest Retry-After to wait for; a registry asking for more fails with exit 7 [default: 60]' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l ca-cert -d 'Trust the CAs in this PEM file for the registry (repeatable; means HTTPS, also on loopback)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l cert -d 'Client certificate (PEM) for registries that require mutual TLS (with --key)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l key -d 'Private key (PEM) for --cert' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -s u -l username -d 'Username for the registry (the password comes from --password-stdin or OCICTL_PASSWORD)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l token -d 'A bearer token to send as it is, skipping the token server (also OCICTL_TOKEN)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l aws-profile -d 'The AWS profile for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l aws-region -d 'The AWS region for ECR registries (it does not make a registry ECR: see --ecr)' -r
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l insecure -d 'Use HTTPS without verifying the registry\'s certificate (also on loopback)'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l plain-http -d 'Use plain HTTP even for a registry that is not on loopback'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l password-stdin -d 'Read the password (or token) from the first line of stdin (with --username)'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l no-cache -d 'Neither read nor write the token cache (~/.cache/ocictl) for this command'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -l ecr -d 'Treat the registry as AWS ECR (needed only when its host name does not say so)'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand logout" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand logout" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand logout" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and not __fish_seen_subcommand_from check help" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and not __fish_seen_subcommand_from check help" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Parse the file, report the first problem (exit 2), or list each registry\'s settings'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and __fish_seen_subcommand_from check" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and __fish_seen_subcommand_from check" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and __fish_seen_subcommand_from help" -f -a "check" -d 'Parse the file, report the first problem (exit 2), or list each registry\'s settings'
complete -c ocictl -n "__fish_ocictl_using_subcommand config-file; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -f -a "clear" -d 'Remove every cached token and challenge'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -f -a "path" -d 'Print the cache directory'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from clear" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from clear" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from path" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from path" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove every cached token and challenge'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the cache directory'
complete -c ocictl -n "__fish_ocictl_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -f -a "get" -d 'Print the credentials for the server URL read from stdin'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -f -a "store" -d 'Refuse (exit 1): ocictl does not store credentials'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -f -a "erase" -d 'Refuse (exit 1): ocictl does not store credentials'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -f -a "list" -d 'Print the registries it serves as JSON: {"registry": "username"}'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -f -a "version" -d 'Print the helper\'s name and version'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and not __fish_seen_subcommand_from get store erase list version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from get" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from get" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from store" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from store" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from store" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from store" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from erase" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from erase" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from erase" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from erase" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from list" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from list" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from version" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from version" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from version" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print the credentials for the server URL read from stdin'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from help" -f -a "store" -d 'Refuse (exit 1): ocictl does not store credentials'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from help" -f -a "erase" -d 'Refuse (exit 1): ocictl does not store credentials'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from help" -f -a "list" -d 'Print the registries it serves as JSON: {"registry": "username"}'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from help" -f -a "version" -d 'Print the helper\'s name and version'
complete -c ocictl -n "__fish_ocictl_using_subcommand credential-helper; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand kubelet-credential-provider" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand kubelet-credential-provider" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand kubelet-credential-provider" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand kubelet-credential-provider" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ocictl -n "__fish_ocictl_using_subcommand generate" -l color -d 'When to colour output; NO_COLOR in the environment means never for `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ocictl -n "__fish_ocictl_using_subcommand generate" -l config -d 'The configuration file (default: $OCICTL_CONFIG, else ~/.config/ocictl/config.toml)' -r -F
complete -c ocictl -n "__fish_ocictl_using_subcommand generate" -s v -l verbose -d 'Write a transcript of every HTTP request to stderr (credentials redacted)'
complete -c ocictl -n "__fish_ocictl_using_subcommand generate" -s h -l help -d 'Print help'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "ref" -d 'Parse an image reference and explain it, without any network access'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "ping" -d 'Check that a registry answers the /v2/ API, and which authentication it asks for'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "manifest" -d 'Print an image\'s manifest, byte for byte as the registry served it'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "digest" -d 'Print the digest of an image\'s manifest (one HEAD request)'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "wait" -d 'Wait until an image exists, or until its tag points at another digest'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "config" -d 'Print an image\'s config JSON, byte for byte'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "inspect" -d 'Summarise an image (digest, platform, layers, env, entrypoint, labels) or an index\'s platforms'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "blob" -d 'Download a blob (a layer, a config) by digest, verifying it while it streams'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "ls" -d 'List the files of an image, as the container sees them, without pulling it'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "cat" -d 'Print a file of an image, as the container sees it, without pulling the image'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "export" -d 'Write an image\'s merged filesystem as one tar, like `crane export`'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "diff" -d 'Show what changed between two images: platforms, layers, config, files, packages'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "packages" -d 'List the OS packages an image has installed, without pulling it'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "curl" -d 'Send any registry API request, with the authentication done for you'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "referrers" -d 'List the artifacts that refer to an image: signatures, SBOMs, attestations'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "ratelimit" -d 'Show Docker Hub\'s pull rate limit for this client: limit, remaining, window, source'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "tags" -d 'List every tag of a repository, one per line'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "catalog" -d 'List the repositories of a registry (/v2/_catalog), one per line'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "auth" -d 'Print the Authorization header value ocictl would send to pull an image'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "login" -d 'Check a username and password against a registry and store them where docker would'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "logout" -d 'Forget the stored login for a registry'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "config-file" -d 'Validate the configuration file and show what each registry resolves to'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "cache" -d 'Manage the cache of tokens and registry challenges ($XDG_CACHE_HOME/ocictl)'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "credential-helper" -d 'Serve credentials to docker, podman and skopeo (the docker-credential-helpers protocol)'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "kubelet-credential-provider" -d 'Serve image pull credentials to kubelet (a credential provider plugin)'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "generate" -d 'Regenerate completions/ and man/ from these definitions (for maintainers)'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and not __fish_seen_subcommand_from ref ping manifest digest wait config inspect blob ls cat export diff packages curl referrers ratelimit tags catalog auth login logout config-file cache credential-helper kubelet-credential-provider generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from config-file" -f -a "check" -d 'Parse the file, report the first problem (exit 2), or list each registry\'s settings'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove every cached token and challenge'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "path" -d 'Print the cache directory'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from credential-helper" -f -a "get" -d 'Print the credentials for the server URL read from stdin'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from credential-helper" -f -a "store" -d 'Refuse (exit 1): ocictl does not store credentials'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from credential-helper" -f -a "erase" -d 'Refuse (exit 1): ocictl does not store credentials'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from credential-helper" -f -a "list" -d 'Print the registries it serves as JSON: {"registry": "username"}'
complete -c ocictl -n "__fish_ocictl_using_subcommand help; and __fish_seen_subcommand_from credential-helper" -f -a "version" -d 'Print the helper\'s name and version'
