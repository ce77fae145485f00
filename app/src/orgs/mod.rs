//! Organisations: NGOs, social organisations, community committees, cooperatives, enterprises and
//! government bodies, with their verification tier.

pub mod credit_code;
