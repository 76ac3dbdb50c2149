using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>Reading a hand-written ToString() (or a record's PrintMembers) for the members it prints.</summary>
internal sealed partial class ObjectExposureClassifier
{
    private sealed partial class Walker
    {
        /// <summary>
        /// A ToString() (or, for records, PrintMembers) written in source, in the type or a base below object. The
        /// synthesized members of records are implicitly declared and so are not found here.
        /// </summary>
        private static IMethodSymbol? FindUserToString(INamedTypeSymbol type, out bool printer)
        {
            printer = false;
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.IsEmpty: true, IsOverride: true, IsImplicitlyDeclared: false } method)
                    {
                        return method;
                    }
                }

                if (current.IsRecord)
                {
                    foreach (var member in current.GetMembers("PrintMembers"))
                    {
                        if (member is IMethodSymbol { Parameters.Length: 1, IsImplicitlyDeclared: false } method)
                        {
                            printer = true;
                            return method;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Reads what a hand-written ToString() returns (its expression body or return statements; all of a
        /// PrintMembers body) and looks for identifiers naming sensitive members of the type. Syntax only.
        /// </summary>
        private ExposedSecret? FromMethodBody(IMethodSymbol method, INamedTypeSymbol type, bool printer)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
                {
                    continue;
                }

                var written = new List<SyntaxNode>();
                if (declaration.ExpressionBody is { } arrow)
                {
                    written.Add(arrow.Expression);
                }
                else if (declaration.Body is { } body)
                {
                    if (printer)
                    {
                        written.Add(body);
                    }
                    else
                    {
                        foreach (var node in body.DescendantNodes())
                        {
                            if (node is ReturnStatementSyntax { Expression: { } returned })
                            {
                                written.Add(returned);
                            }
                        }
                    }
                }

                var inspected = 0;
                foreach (var root in written)
                {
                    foreach (var node in root.DescendantNodesAndSelf())
                    {
                        if (++inspected > 512)
                        {
                            return null;
                        }

                        if (node is IdentifierNameSyntax identifier && FindMember(type, identifier.Identifier.ValueText) is { } member
                            && !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier && access.Expression is not ThisExpressionSyntax)
                            && Judge(member) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }

            return null;
        }

        private static ISymbol? FindMember(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic)
                    {
                        return member;
                    }
                }
            }

            return null;
        }
    }
}
