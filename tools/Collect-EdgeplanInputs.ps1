<#
.SYNOPSIS
    Collects what edgeplan needs from a Lync Server 2013 / Skype for Business Server deployment.

.DESCRIPTION
    Run in the Lync Server Management Shell (or Skype for Business Server Management Shell) on a
    Front End server, as a member of RTCUniversalServerAdmins or RTCUniversalReadOnlyAdmins.
    Writes Get-CsTopology -AsXml and one export per Get-Cs cmdlet into -OutputFolder, then
    optionally zips the folder. Read by:

        edgeplan plan Get-CsTopology.xml --settings-from FOLDER

    It only reads (Get-* cmdlets). It never exports a private key, a password or the XMPP
    dialback passphrase. Every cmdlet it runs, and the same commands as one-liners, are in
    docs/collect.md.

.PARAMETER OutputFolder
    Folder to write (created when missing). Default: .\edgeplan-inputs

.PARAMETER EdgeCredential
    Credential for PowerShell remoting to each Edge server, to run Get-CsCertificate and read
    the certificate store there (Invoke-Command). Without it, the script prints the commands to
    run on each Edge.

.PARAMETER Zip
    Also write OutputFolder.zip (Compress-Archive, PowerShell 5 or later).
#>
[CmdletBinding()]
param(
    [string] $OutputFolder = '.\edgeplan-inputs',
    [System.Management.Automation.PSCredential] $EdgeCredential,
    [switch] $Zip
)

$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $OutputFolder | Out-Null

function Save-Export {
    param([string] $Name, [scriptblock] $Command)
    $path = Join-Path $OutputFolder $Name
    try {
        & $Command | Export-Clixml -Path $path
        Write-Host "wrote $path"
    } catch {
        Write-Warning "$Name not written: $($_.Exception.Message)"
    }
}

# The topology itself (edgeplan's TOPOLOGY argument; --settings-from skips it in the folder).
Get-CsTopology -AsXml | Out-File -FilePath (Join-Path $OutputFolder 'Get-CsTopology.xml') -Encoding UTF8

# Central Management store settings, each as Export-Clixml (UTF-16LE, type names kept).
Save-Export 'Get-CsAccessEdgeConfiguration.xml' { Get-CsAccessEdgeConfiguration }
Save-Export 'Get-CsAllowedDomain.xml' { Get-CsAllowedDomain }
Save-Export 'Get-CsBlockedDomain.xml' { Get-CsBlockedDomain }
Save-Export 'Get-CsHostingProvider.xml' { Get-CsHostingProvider }
Save-Export 'Get-CsPublicProvider.xml' { Get-CsPublicProvider }
Save-Export 'Get-CsExternalAccessPolicy.xml' { Get-CsExternalAccessPolicy }
Save-Export 'Get-CsXmppAllowedPartner.xml' { Get-CsXmppAllowedPartner }
# DialbackPassphrase is a secret: left out.
Save-Export 'Get-CsXmppGatewayConfiguration.xml' {
    Get-CsXmppGatewayConfiguration | Select-Object -Property * -ExcludeProperty DialbackPassphrase
}
Save-Export 'Get-CsSite.xml' { Get-CsSite }
Save-Export 'Get-CsSipDomain.xml' { Get-CsSipDomain }
Save-Export 'Get-CsMediaConfiguration.xml' { Get-CsMediaConfiguration }
Save-Export 'Get-CsService-EdgeServer.xml' { Get-CsService -EdgeServer }
Save-Export 'Get-CsPushNotificationConfiguration.xml' { Get-CsPushNotificationConfiguration }

# Certificates are assigned per server: Get-CsCertificate runs on each Edge. Only the public
# properties are kept (no key material is ever part of its output).
$certificateProperties = 'Issuer', 'NotAfter', 'NotBefore', 'SerialNumber', 'Subject',
    'AlternativeNames', 'Thumbprint', 'Use'
$certificateScript = {
    param($properties)
    Import-Module Lync -ErrorAction SilentlyContinue
    Import-Module SkypeForBusiness -ErrorAction SilentlyContinue
    Get-CsCertificate | Select-Object -Property $properties
}
# What Get-CsCertificate does not say: each certificate's EKUs and whether its private key may
# be exported (a pool's certificate is copied to every member). Only those facts are read; the
# key itself never leaves the store.
$storeScript = {
    Get-ChildItem Cert:\LocalMachine\My | Select-Object Thumbprint, Subject, NotAfter, HasPrivateKey,
        @{ Name = 'EnhancedKeyUsageOids'; Expression = {
            $oids = @($_.EnhancedKeyUsageList | ForEach-Object { $_.ObjectId })
            if ($oids.Count -eq 0) { 'None' } else { $oids -join ' ' } } },
        @{ Name = 'PrivateKeyExportable'; Expression = {
            $key = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($_)
            if ($key -is [System.Security.Cryptography.RSACng]) {
                ($key.Key.ExportPolicy -band 3) -ne 0  # AllowExport or AllowPlaintextExport
            } elseif ($key -is [System.Security.Cryptography.RSACryptoServiceProvider]) {
                $key.CspKeyContainerInfo.Exportable
            } } }
}
$edges = Get-CsPool | Where-Object { $_.Services -match '^EdgeServer:' } |
    ForEach-Object { $_.Computers }
foreach ($edge in $edges) {
    $name = "Get-CsCertificate.$edge.xml"
    $storeName = "CertStore.$edge.xml"
    if ($EdgeCredential) {
        Save-Export $name {
            Invoke-Command -ComputerName $edge -Credential $EdgeCredential `
                -ScriptBlock $certificateScript -ArgumentList (, $certificateProperties)
        }
        Save-Export $storeName {
            Invoke-Command -ComputerName $edge -Credential $EdgeCredential -ScriptBlock $storeScript
        }
    } else {
        Write-Host "On $edge, in the Management Shell, run and copy both files into ${OutputFolder}:"
        Write-Host ("  Get-CsCertificate | Select-Object " + ($certificateProperties -join ',') +
            " | Export-Clixml $name")
        Write-Host ("  & {" + $storeScript.ToString() + "} | Export-Clixml $storeName")
    }
}

if ($Zip) {
    $archive = "$((Resolve-Path $OutputFolder).Path).zip"
    Compress-Archive -Path (Join-Path $OutputFolder '*') -DestinationPath $archive -Force
    Write-Host "wrote $archive"
}
