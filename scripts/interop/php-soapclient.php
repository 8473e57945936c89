<?php
// Interop check of the sandbox Enterprise Server with a non-Java SOAP stack: PHP's SoapClient, as the WHMCS and
// other billing modules use it (WSDL loaded at run time, pre-emptive HTTP Basic through login/password).
//
// Usage: php php-soapclient.php BASE_URL LOGIN PASSWORD NEW_USERNAME
//   e.g. php scripts/interop/php-soapclient.php http://localhost:8080/ serveradmin serveradmin php-customer
// Prints "UserExists: false", "AddUser: <new id>" and "UserExistsAfter: true"; exits 1 on any failure.

if ($argc < 5) {
    fwrite(STDERR, "usage: php php-soapclient.php BASE_URL LOGIN PASSWORD NEW_USERNAME\n");
    exit(2);
}
[$script, $base, $login, $password, $username] = $argv;
$base = rtrim($base, '/') . '/';

try {
    $users = new SoapClient($base . 'esUsers.asmx?WSDL', [
        'login' => $login,
        'password' => $password,
        'authentication' => SOAP_AUTHENTICATION_BASIC,
        'cache_wsdl' => WSDL_CACHE_NONE,
        'exceptions' => true,
        'trace' => true,
    ]);

    $exists = $users->UserExists(['username' => $username])->UserExistsResult;
    echo 'UserExists: ' . ($exists ? 'true' : 'false') . "\n";

    $now = gmdate('Y-m-d\TH:i:s');
    $user = [
        // Value types are required elements of UserInfo: SoapClient refuses to encode the request without them.
        'RoleId' => 3, 'Role' => 'User', 'StatusId' => 1, 'Status' => 'Active',
        'LoginStatusId' => 0, 'LoginStatus' => 'Enabled', 'FailedLogins' => 0,
        'UserId' => 0, 'OwnerId' => 1, 'IsPeer' => false, 'Created' => $now, 'Changed' => $now,
        'IsDemo' => false, 'HtmlMail' => true, 'EcommerceEnabled' => false, 'MfaMode' => 0,
        'Username' => $username,
        // Password both in UserInfo and as the parameter: each server version reads one and ignores the other.
        'Password' => 'Php-Secret1',
        'FirstName' => 'Php', 'LastName' => 'Client', 'Email' => $username . '@example.com',
    ];
    $id = $users->AddUser(['user' => $user, 'sendLetter' => false, 'password' => 'Php-Secret1'])->AddUserResult;
    echo 'AddUser: ' . $id . "\n";
    if ($id <= 0) {
        exit(1);
    }

    $after = $users->UserExists(['username' => $username])->UserExistsResult;
    echo 'UserExistsAfter: ' . ($after ? 'true' : 'false') . "\n";
    exit($after ? 0 : 1);
} catch (SoapFault $fault) {
    fwrite(STDERR, 'SoapFault ' . $fault->faultcode . ': ' . $fault->getMessage() . "\n");
    exit(1);
}
