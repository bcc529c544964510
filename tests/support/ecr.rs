//! An ECR registry as the tests and bench see it: moto's server for GetAuthorizationToken, and a
//! docker-registry with htpasswd user `AWS`, moto's password and an ECR-shaped Basic realm,
//! seeded with one image under team/app:v1; the configuration file maps it to the ECR provider.

use super::moto::{Moto, ACCOUNT, REGION};
use super::registry::{Auth, Registry};
use super::seed::{self, Seeder};
use super::{ocictl_with, Invocation, Run};
use std::path::PathBuf;

pub const PASSWORD: &str = "123456789012-auth-token";

pub struct EcrWorld {
    pub moto: Moto,
    pub registry: Registry,
    pub image: seed::Artifact,
    dir: tempfile::TempDir,
}

impl EcrWorld {
    pub fn start() -> EcrWorld {
        let moto = Moto::start();
        let realm = format!("https://{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/");
        let registry = Registry::start(Auth::Htpasswd { user: "AWS".into(), password: PASSWORD.into(), realm });
        let image = seed::image(false, "amd64");
        let basic = base64(&format!("AWS:{PASSWORD}"));
        Seeder::new(&registry.url(), Some(format!("Basic {basic}"))).push("team/app", "v1", &image);
        let world = EcrWorld { moto, registry, image, dir: tempfile::tempdir().unwrap() };
        world.config(&format!("provider = \"ecr\"\nprovider_opts = \"region={REGION},registry_id={ACCOUNT}\"\n"));
        std::fs::write(world.path("aws-config"), "").unwrap();
        std::fs::write(world.path("aws-credentials"), "").unwrap();
        world
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes the registry's `auth.token` table of the configuration file.
    pub fn config(&self, token_table: &str) {
        std::fs::write(
            self.path("config.toml"),
            format!("[registries.\"{}\".auth.token]\n{token_table}", self.registry.host()),
        )
        .unwrap();
    }

    pub fn image(&self, tag: &str) -> String {
        format!("{}/team/app:{tag}", self.registry.host())
    }

    /// ocictl with AWS pointed at moto, never at the machine's own AWS setup or instance metadata.
    pub fn run(&self, args: &[&str], aws: &[(&'static str, &str)]) -> Run {
        ocictl_with(args, Invocation { env: self.env(aws), ..Default::default() })
    }

    /// The environment that points ocictl's AWS SDK at moto and its configuration at this world.
    pub fn env(&self, aws: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        let mut env = vec![
            ("AWS_ENDPOINT_URL_ECR", self.moto.url()),
            ("AWS_EC2_METADATA_DISABLED", "true".to_string()),
            ("AWS_CONFIG_FILE", self.path("aws-config").display().to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", self.path("aws-credentials").display().to_string()),
            ("OCICTL_CONFIG", self.path("config.toml").display().to_string()),
            ("XDG_CACHE_HOME", self.path("cache").display().to_string()),
        ];
        env.extend(aws.iter().map(|(k, v)| (*k, v.to_string())));
        env
    }
}

pub fn base64(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}
