using System.Globalization;

namespace Hub.Testing.Peers;

/// <summary>The configuration files of the test's own Dovecot and Postfix, all under one temporary directory.</summary>
internal static class MailServerConfig
{
    public static string Dovecot(string root, int imapPort, int imapsPort, int lmtpPort, int authPort, string certificatePath, string keyPath) => string.Create(CultureInfo.InvariantCulture, $$"""
        base_dir = {{root}}/dovecot/run
        state_dir = {{root}}/dovecot/state
        log_path = {{root}}/dovecot/dovecot.log
        protocols = imap lmtp
        listen = 127.0.0.1
        default_login_user = dovenull
        default_internal_user = dovecot
        first_valid_uid = 1
        mail_uid = mail
        mail_gid = mail
        mail_location = maildir:{{root}}/mail/%u
        ssl = yes
        ssl_cert = <{{certificatePath}}
        ssl_key = <{{keyPath}}
        disable_plaintext_auth = no
        auth_mechanisms = plain login xoauth2
        auth_failure_delay = 0
        postmaster_address = postmaster@hub.test
        passdb {
          driver = passwd-file
          mechanisms = plain login none
          args = scheme=PLAIN username_format=%u {{root}}/dovecot/users
        }
        passdb {
          driver = oauth2
          mechanisms = xoauth2
          args = {{root}}/dovecot/oauth2.conf.ext
        }
        userdb {
          driver = static
          args = uid=mail gid=mail home={{root}}/mail/%u
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{imapPort}}
          }
          inet_listener imaps {
            address = 127.0.0.1
            port = {{imapsPort}}
          }
        }
        service lmtp {
          inet_listener lmtp {
            address = 127.0.0.1
            port = {{lmtpPort}}
          }
        }
        service auth {
          inet_listener {
            address = 127.0.0.1
            port = {{authPort}}
          }
        }
        """);

    public static string DovecotOAuth2(string introspectionUrl) => $"""
        introspection_mode = post
        introspection_url = {introspectionUrl}
        force_introspection = yes
        username_attribute = username
        active_attribute = active
        active_value = true
        """;

    public static string PostfixMain(string root, int lmtpPort, int authPort, string certificatePath, string keyPath) => string.Create(CultureInfo.InvariantCulture, $"""
        compatibility_level = 3.6
        queue_directory = {root}/postfix/queue
        data_directory = {root}/postfix/data
        command_directory = /usr/sbin
        daemon_directory = /usr/lib/postfix/sbin
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = mail.hub.test
        mydomain = hub.test
        myorigin = hub.test
        mydestination =
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        mynetworks = 127.0.0.0/8
        alias_maps =
        alias_database =
        local_recipient_maps =
        relayhost =
        virtual_mailbox_domains = hub.test contractor.test
        virtual_mailbox_maps = static:ok
        virtual_transport = lmtp:inet:127.0.0.1:{lmtpPort}
        smtpd_sasl_auth_enable = yes
        smtpd_sasl_type = dovecot
        smtpd_sasl_path = inet:127.0.0.1:{authPort}
        smtpd_client_restrictions = check_client_access cidr:{root}/postfix/conf/border_verdicts.cidr
        smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject
        smtpd_recipient_restrictions = check_recipient_access regexp:{root}/postfix/conf/recipient_verdicts.regexp, permit_mynetworks, permit_sasl_authenticated, reject
        maillog_file = {root}/postfix/maillog
        maillog_file_prefixes = {root}
        smtputf8_enable = no
        message_size_limit = 10240000
        smtpd_tls_cert_file = {certificatePath}
        smtpd_tls_key_file = {keyPath}
        smtpd_tls_security_level = may
        queue_run_delay = 1s
        minimal_backoff_time = 1s
        maximal_backoff_time = 2s
        """);

    public static string PostfixMaster(int smtpPort, int smtpsPort) => string.Create(CultureInfo.InvariantCulture, $"""
        127.0.0.1:{smtpPort} inet n - n - - smtpd
        127.0.0.1:{smtpsPort} inet n - n - - smtpd -o smtpd_tls_wrappermode=yes
        tlsmgr    unix  -       -       n       1000?   1       tlsmgr
        pickup    unix  n       -       n       60      1       pickup
        cleanup   unix  n       -       n       -       0       cleanup
        qmgr      unix  n       -       n       300     1       qmgr
        rewrite   unix  -       -       n       -       -       trivial-rewrite
        bounce    unix  -       -       n       -       0       bounce
        defer     unix  -       -       n       -       0       bounce
        trace     unix  -       -       n       -       0       bounce
        verify    unix  -       -       n       -       1       verify
        flush     unix  n       -       n       1000?   0       flush
        proxymap  unix  -       -       n       -       -       proxymap
        smtp      unix  -       -       n       -       -       smtp
        relay     unix  -       -       n       -       -       smtp
        error     unix  -       -       n       -       -       error
        retry     unix  -       -       n       -       -       error
        discard   unix  -       -       n       -       -       discard
        lmtp      unix  -       -       n       -       -       lmtp
        anvil     unix  -       -       n       -       1       anvil
        scache    unix  -       -       n       -       1       scache
        postlog   unix-dgram n  -       n       -       1       postlogd

        """);
}
